// Enhancements only: every control below is a link that also works without this script.
(function () {
  "use strict";
  function setCookie(name, value) {
    document.cookie = name + "=" + value + "; path=/; max-age=" + (value ? 31536000 : 0) + "; samesite=lax";
  }

  // 字号: switch the size in place and remember it, instead of reloading the page.
  document.querySelectorAll(".sizes a[data-size]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var size = link.getAttribute("data-size");
      var root = document.documentElement;
      root.className = root.className.replace(/\bsize-[lms]\b/, "").trim() + " size-" + size;
      setCookie("textsize", size === "m" ? "" : size);
      document.querySelectorAll(".sizes a[data-size]").forEach(function (other) {
        if (other === link) { other.setAttribute("aria-current", "true"); } else { other.removeAttribute("aria-current"); }
      });
    });
  });

  // 打印本页
  document.querySelectorAll("[data-print]").forEach(function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
  });

  // 复制链接: copies the full address; without clipboard access the link simply opens the page.
  document.querySelectorAll("[data-copy]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) { return; }
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () {
        link.textContent = "链接已复制";
        setTimeout(function () { link.textContent = "复制链接"; }, 2000);
      });
    });
  });
})();
