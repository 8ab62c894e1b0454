/* Lists of choices that stay usable: a long list of checkboxes gets a box that narrows it as one
   types (fieldsets marked data-filterable, whose hidden .list-filter box this shows), and a panel
   of filters (<details data-closed-below="50rem">) starts closed on a small screen, so that what
   was found comes right after it. Without JavaScript every choice is shown and the panel is open. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("[data-filterable]").forEach(function (list) {
    var box = list.querySelector(".list-filter");
    var input = box && box.querySelector("input");
    if (!input) return;
    box.hidden = false;
    var items = Array.prototype.slice.call(list.querySelectorAll("li, div")).filter(function (item) {
      return item.querySelector("input[type=checkbox], input[type=radio]");
    });
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      items.forEach(function (item) {
        var checkbox = item.querySelector("input[type=checkbox], input[type=radio]");
        item.hidden = wanted !== "" && !checkbox.checked && fold(item.textContent).indexOf(wanted) === -1;
      });
    });
  });
  document.querySelectorAll("details[data-closed-below]").forEach(function (panel) {
    if (window.matchMedia("(max-width: " + panel.dataset.closedBelow + ")").matches) panel.open = false;
  });
})();
