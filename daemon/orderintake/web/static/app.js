// Keyboard validation on the mail page, and candidate <-> page-box highlighting.
// 1..9 accept that candidate; Enter accepts the best one. Keys typed into a field
// (correction, note, filters) are left alone.
(function () {
  "use strict";
  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }
  var busy = false;
  function submitRank(rank) {
    var form = document.querySelector('form[data-rank="' + rank + '"]');
    if (!form || busy) return false;
    var button = form.querySelector("button");
    if (button && button.disabled) return false;
    busy = true; // one key press, one decision, even if the key repeats
    form.submit();
    return true;
  }
  document.addEventListener("keydown", function (ev) {
    if (!document.querySelector(".detail")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (ev.target && ev.target.tagName === "BUTTON" && ev.key === "Enter") return;
    if (ev.key >= "1" && ev.key <= "9") {
      if (submitRank(ev.key)) ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (submitRank("1")) ev.preventDefault();
    }
  });
  function mark(id, on) {
    document.querySelectorAll('[data-cand="' + id + '"]').forEach(function (el) {
      el.classList.toggle("hover", on);
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-cand]");
    if (el) mark(el.getAttribute("data-cand"), true);
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-cand]");
    if (el) mark(el.getAttribute("data-cand"), false);
  });
})();
