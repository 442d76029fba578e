// GOV.UK Frontend's 'None of these' (data-behaviour="exclusive") unticks only boxes of its own
// name. The consent boxes each have a name of their own (take_part, may_quote, ...), so here it
// is done for the whole group: ticking 'None of these' unticks the others, and ticking any
// other unticks 'None of these'. The server refuses both ticked, for a browser without this.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.checked) return;
  const group = box.closest(".govuk-checkboxes");
  if (!group) return;
  const exclusive = box.dataset.behaviour === "exclusive";
  for (const other of group.querySelectorAll("input[type=checkbox]")) {
    if (other !== box && (exclusive || other.dataset.behaviour === "exclusive")) {
      other.checked = false;
    }
  }
});
