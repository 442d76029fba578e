// Quote part of a segment: words selected inside one quote go into that quote's "Words to
// quote" box, and its "Quote only some of these words" section opens. The server checks
// the words against what the member said, so nothing here needs to be trusted; without
// this script people type (or paste) the words into the box themselves.
(function () {
  "use strict";
  function sourceOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest("[data-pick-source]") : null;
  }
  // A drag usually starts or ends inside a word: take the whole word, as a quote would.
  function wholeWords(range, source) {
    var node = source.firstChild;
    if (!node || node.nodeType !== 3 || range.startContainer !== node || range.endContainer !== node) {
      return null;
    }
    var text = node.data, start = range.startOffset, end = range.endOffset;
    var letter = /[A-Za-z0-9\u00C0-\u024F'\u2019-]/;
    while (start > 0 && letter.test(text.charAt(start - 1)) && letter.test(text.charAt(start))) { start -= 1; }
    while (end < text.length && letter.test(text.charAt(end)) && letter.test(text.charAt(end - 1))) { end += 1; }
    return text.slice(start, end);
  }
  function take() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) { return; }
    var source = sourceOf(selection.anchorNode);
    // Only a selection inside one member's words counts; across two quotes it means nothing.
    if (!source || source !== sourceOf(selection.focusNode)) { return; }
    var words = wholeWords(selection.getRangeAt(0), source) || selection.toString();
    words = words.replace(/\s+/g, " ").trim();
    if (!words) { return; }
    var id = source.getAttribute("data-pick-source");
    var box = document.querySelector('[data-pick-words="' + id + '"]');
    var details = document.querySelector('[data-pick-details="' + id + '"]');
    if (!box || !details) { return; }
    box.value = words;
    details.open = true;
  }
  document.addEventListener("mouseup", function () { window.setTimeout(take, 0); });
  document.addEventListener("keyup", function (event) { if (event.shiftKey) { take(); } });
  document.addEventListener("touchend", function () { window.setTimeout(take, 0); });
})();
