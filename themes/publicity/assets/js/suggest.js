// 搜索框联想: as a reader types Chinese or pinyin (tian → 提案), committee words and names appear under the box
// (ARIA combobox: arrow keys move, Enter searches the chosen word, Escape closes). Without a script the box is a
// plain search field.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input, n) {
    var form = input.form;
    var list = document.createElement("ul");
    list.id = "suggest-" + n;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "搜索建议");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    form.classList.add("has-suggest");
    var active = -1;
    var timer = 0;
    var asked = "";
    var closing = 0;

    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function mark(index) {
      var all = options();
      active = index;
      all.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0) { input.setAttribute("aria-activedescendant", all[index].id); } else { input.removeAttribute("aria-activedescendant"); }
    }
    function choose(word) {
      input.value = word;
      close();
      form.submit();
    }
    function show(words) {
      list.textContent = "";
      words.forEach(function (word, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = word;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(word); });
        list.appendChild(li);
      });
      active = -1;
      list.hidden = words.length === 0;
      input.setAttribute("aria-expanded", words.length ? "true" : "false");
    }
    function ask() {
      var q = input.value.trim();
      if (!q || q === asked) { if (!q) { close(); } return; }
      asked = q;
      fetch("/api/search/suggest?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { if (input.value.trim() === q) { show(data.items || []); } })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); asked = ""; timer = setTimeout(ask, 120); });
    input.addEventListener("keydown", function (e) {
      clearTimeout(closing);
      var count = options().length;
      if (e.key === "ArrowDown" && count) { e.preventDefault(); list.hidden = false; input.setAttribute("aria-expanded", "true"); mark((active + 1) % count); }
      else if (e.key === "ArrowUp" && count) { e.preventDefault(); mark(active <= 0 ? count - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0 && !list.hidden) { e.preventDefault(); choose(options()[active].textContent); }
      else if (e.key === "Escape" && !list.hidden) { e.preventDefault(); close(); }
    });
    // The list closes a moment after the box loses focus (so a click on an option still lands), unless the reader
    // is back in the box by then: a late close would drop the word chosen with the arrow keys.
    input.addEventListener("blur", function () { clearTimeout(closing); closing = setTimeout(close, 100); });
    input.addEventListener("focus", function () { clearTimeout(closing); });
  });
})();
