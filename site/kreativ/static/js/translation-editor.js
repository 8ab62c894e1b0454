/* wagtail-localize's translation editor in real Czech and Slovenian (kreativ/translation_editor.py).

   Loaded in the page's head, after the editor's own script and catalogue: hands our translations
   of its strings to that catalogue before the editor starts (on DOMContentLoaded), then, once the
   page is there, puts whole sentences in place of the ones the editor glues from a fragment and a
   language's name ("Publish in " + "Slovenščina"), now and whenever it redraws them. Only the text
   of the editor's text nodes changes; without this script the editor works as it would anyway. */
(function () {
  "use strict";
  var config = document.getElementById("kreativ-translation-editor-labels");
  if (!config || !window.django || !window.django.catalog) {
    return;
  }
  var labels = JSON.parse(config.textContent);
  Object.keys(labels.catalog).forEach(function (msgid) {
    window.django.catalog[msgid] = labels.catalog[msgid];
  });
  if (!labels.publish) {
    return;
  }

  function start() {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor || !editor.dataset.props) {
      return;
    }
    var props = JSON.parse(editor.dataset.props);
    var source = props.sourceLocale.displayName;
    var target = props.locale.displayName;
    var gettext = window.django.gettext;
    var sentences = {};
    // The editor's own compositions (wagtail_localize/static_src/editor/components/TranslationEditor).
    sentences[gettext("Publish in ") + target] = labels.publish;
    sentences[source + " to " + target + " translation"] = labels.heading;
    sentences[gettext("Uses %s version").replace("%s", source)] = labels.uses;
    sentences[gettext("Revert to %s version").replace("%s", source)] = labels.revert;

    function mendText(node) {
      var text = node.nodeValue.trim();
      if (Object.prototype.hasOwnProperty.call(sentences, text)) {
        node.nodeValue = node.nodeValue.replace(text, sentences[text]);
      }
    }
    function mend(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        mendText(node);
        return;
      }
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        mendText(walker.currentNode);
      }
    }
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === "characterData") {
          mend(mutation.target);
        } else {
          mutation.addedNodes.forEach(mend);
        }
      });
    }).observe(editor, { childList: true, subtree: true, characterData: true });
    mend(editor);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
