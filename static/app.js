// Optional comfort only: every page works without this file.
(function () {
  "use strict";
  // 打印 buttons: shown only when JavaScript can open the print dialog (on click, never by itself).
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
