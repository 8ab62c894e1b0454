/* Several regions in one field (kreativ/region_chooser.py, RegionsChooser): Wagtail's region chooser
   opens in its "choose several" mode, and each region it returns becomes a hidden input of the
   form, listed with a button that removes it. */
(function () {
  "use strict";
  function setUp(widget) {
    var list = widget.querySelector("[data-chosen]");
    var empty = widget.querySelector("[data-empty]");
    var row = widget.querySelector("template[data-row]");

    function refresh() {
      empty.hidden = list.children.length > 0;
    }
    function chosen(id) {
      return Array.prototype.some.call(list.querySelectorAll("input"), function (input) {
        return input.value === String(id);
      });
    }
    function add(region) {
      if (chosen(region.id)) {
        return;
      }
      var item = row.content.firstElementChild.cloneNode(true);
      item.querySelector("input").value = region.id;
      item.querySelector("span").textContent = region.string;
      item.querySelector("[data-remove] span").textContent = " " + region.string;
      list.appendChild(item);
      refresh();
    }
    list.addEventListener("click", function (event) {
      var remove = event.target.closest("[data-remove]");
      if (remove) {
        remove.closest("li").remove();
        refresh();
        widget.querySelector("[data-add]").focus();
      }
    });
    widget.querySelector("[data-add]").addEventListener("click", function () {
      window.ModalWorkflow({
        url: widget.dataset.chooserUrl,
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: {
          chosen: function (result) {
            (Array.isArray(result) ? result : [result]).forEach(add);
          }
        }
      });
    });
  }
  function start() {
    document.querySelectorAll("[data-kreativ-regions-chooser]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
