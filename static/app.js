// Optional comfort only: every page works without this file.
(function () {
  "use strict";

  // 打印 buttons: shown only when JavaScript can open the print dialog (on click, never by itself).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // Region picker: a filter box above each region select, matching city or province names.
  document.querySelectorAll("select.region-select").forEach(function (sel) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "region-filter";
    input.placeholder = "输入名称筛选，例如：长沙";
    input.setAttribute("aria-label", "输入城市或省份名称，筛选下面的列表");
    input.setAttribute("aria-controls", sel.id);
    sel.parentNode.insertBefore(input, sel);
    input.addEventListener("input", function () {
      var q = input.value.trim();
      var first = null;
      sel.querySelectorAll("optgroup").forEach(function (g) {
        var any = false;
        var groupHit = q && g.label.indexOf(q) >= 0;
        g.querySelectorAll("option").forEach(function (o) {
          var show = !q || groupHit || o.textContent.indexOf(q) >= 0;
          o.hidden = !show;
          o.disabled = !show;
          if (show) { any = true; if (!first) { first = o; } }
        });
        g.hidden = !any;
      });
      var cur = sel.options[sel.selectedIndex];
      if (q && first && (!cur || cur.disabled || !cur.value)) { first.selected = true; }
    });
  });

  // Checklists on a plan: remember ticks in this browser only (nothing is sent anywhere).
  var boxes = document.querySelectorAll(".checklist input[type=checkbox]");
  if (boxes.length && window.localStorage) {
    var key = "yibao:" + location.pathname + location.search;
    var saved = [];
    try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { saved = []; }
    boxes.forEach(function (b) {
      if (saved.indexOf(b.id) >= 0) { b.checked = true; }
      b.addEventListener("change", function () {
        var ids = [];
        boxes.forEach(function (x) { if (x.checked) { ids.push(x.id); } });
        try { localStorage.setItem(key, JSON.stringify(ids)); } catch (e) { /* private mode */ }
      });
    });
  }
})();
