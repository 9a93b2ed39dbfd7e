// The 轮播 and the phone 菜单. Both work without this script: the first slide shows with the others as
// links, and 菜单 jumps to the menu (#site-nav, opened by :target).
(function () {
  "use strict";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var elder = document.documentElement.classList.contains("elder");

  document.querySelectorAll("[data-carousel]").forEach(function (root) {
    var slides = Array.prototype.slice.call(root.querySelectorAll(".slide"));
    var links = Array.prototype.slice.call(root.querySelectorAll("[data-slide]"));
    if (slides.length < 2) { return; }
    var area = root.querySelector(".slides");
    var index = 0;
    var timer = null;
    // Moving pictures are for those who want them: never with reduced motion, never in 长者模式.
    var paused = reduceMotion || elder;
    var hovering = false;
    root.classList.add("js");

    var controls = document.createElement("div");
    controls.className = "carousel-controls";
    function button(label, name) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = name;
      b.textContent = label;
      controls.appendChild(b);
      return b;
    }
    var prev = button("上一张", "carousel-prev");
    var toggle = button("", "carousel-pause");
    var next = button("下一张", "carousel-next");
    root.insertBefore(controls, root.querySelector(".slide-links"));

    function show(i) {
      index = (i + slides.length) % slides.length;
      slides.forEach(function (slide, k) {
        slide.hidden = k !== index;
        slide.classList.toggle("current", k === index);
      });
      links.forEach(function (link, k) {
        if (k === index) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
      });
    }
    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
    }
    function run() {
      stop();
      toggle.textContent = paused ? "播放轮播" : "暂停轮播";
      toggle.setAttribute("aria-pressed", paused ? "true" : "false");
      // Announce slide changes only when the reader moves them, not every few seconds.
      area.setAttribute("aria-live", paused ? "polite" : "off");
      if (!paused && !hovering) {
        timer = setInterval(function () { show(index + 1); }, 5000);
      }
    }

    prev.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    toggle.addEventListener("click", function () { paused = !paused; run(); });
    links.forEach(function (link, k) {
      link.addEventListener("click", function (event) { event.preventDefault(); show(k); });
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(index - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(index + 1); event.preventDefault(); }
    });
    // Holding the pointer or the keyboard focus inside stops the rotation until it leaves.
    root.addEventListener("mouseenter", function () { hovering = true; run(); });
    root.addEventListener("mouseleave", function () { hovering = false; run(); });
    root.addEventListener("focusin", function () { hovering = true; run(); });
    root.addEventListener("focusout", function (event) {
      if (!root.contains(event.relatedTarget)) { hovering = false; run(); }
    });
    show(0);
    run();
  });

  document.querySelectorAll("[data-menu]").forEach(function (link) {
    var nav = document.getElementById(link.getAttribute("aria-controls"));
    if (!nav) { return; }
    link.setAttribute("role", "button");
    link.setAttribute("aria-expanded", "false");
    function set(open) {
      nav.classList.toggle("open", open);
      link.setAttribute("aria-expanded", open ? "true" : "false");
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var open = !nav.classList.contains("open");
      set(open);
      if (open) {
        var first = nav.querySelector("a");
        if (first) { first.focus(); }
      }
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); link.click(); }
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("open")) { set(false); link.focus(); }
    });
  });

  // Search facets: behind the 筛选 button on a phone, open beside the results on a wider screen.
  if (window.matchMedia && window.matchMedia("(max-width: 47.99rem)").matches) {
    document.querySelectorAll("details[data-filter]").forEach(function (details) { details.open = false; });
  }
})();
