/* Review redactions: select words in a turn's original text to take them out. The selection
 * fills the "Take out something that was missed" form (turn and words), which then stays in
 * view at the bottom of the screen; typing the turn and words still works without this. */
const form = document.querySelector("[data-add-redaction]");
const status = document.querySelector("[data-selection-status]");

function cellOf(node) {
  const element = node && (node.nodeType === 1 ? node : node.parentElement);
  return element ? element.closest("[data-turn-original]") : null;
}

function capture() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) return;
  const cell = cellOf(selection.anchorNode);
  if (!cell || cell !== cellOf(selection.focusNode)) return;  // words within one turn only
  const words = selection.toString().replace(/\s+/g, " ").trim();
  if (!words || words.length > 300) return;
  form.elements.turn.value = cell.dataset.turnOriginal;
  form.elements.words.value = words;
  status.textContent = "Selected \u2018" + words + "\u2019 in turn " + cell.dataset.turnOriginal +
    ". Choose what to replace it with, then Redact.";
  status.hidden = false;
  form.classList.add("fv-add-redaction--floating");
}

if (form && status) {
  document.addEventListener("mouseup", capture);
  document.addEventListener("keyup", capture);
  document.addEventListener("touchend", capture);
  form.dataset.selecting = "1";  // tests wait on this
}
