/* Reading an answer from the page's form, putting a saved one back, and showing an error
 * the GOV.UK way (message linked to the field, field focused). */

export function readAnswer(form, kind) {
  if (kind === "free_text") return { value: form.elements.answer.value.trim() };
  if (kind === "number") {
    const raw = form.elements.answer.value.trim().replace(/,/g, "");
    if (!raw) return { value: null };
    const number = Number(raw);
    if (!/^-?\d+(\.\d+)?$/.test(raw) || !isFinite(number)) return { error: "Enter a number, like 3" };
    return { value: number };
  }
  const inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=answer]"));
  const picked = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  if (kind === "multiple_choice") return { value: picked.length ? picked : null };
  return { value: picked[0] || null };
}

export function fillAnswer(form, kind, value) {
  if (value === undefined || value === null) return;
  if (kind === "free_text" || kind === "number") { form.elements.answer.value = String(value); return; }
  const values = Array.isArray(value) ? value : [value];
  form.querySelectorAll("input[name=answer]").forEach(function (input) {
    input.checked = values.indexOf(input.value) !== -1;
  });
}

function describedBy(element, id, on) {
  const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
  if (on) ids.push(id);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" ")); else element.removeAttribute("aria-describedby");
}

export function showError(form, message) {
  const error = form.querySelector("[data-error]");
  const group = form.querySelector(".govuk-form-group");
  const described = form.querySelector("fieldset") || form.querySelector("input, textarea");
  describedBy(described, error.id, !!message);
  if (!message) { error.hidden = true; error.textContent = ""; group.classList.remove("govuk-form-group--error"); return; }
  error.innerHTML = "";
  const prefix = document.createElement("span");
  prefix.className = "govuk-visually-hidden";
  prefix.textContent = "Error: ";
  error.appendChild(prefix);
  error.appendChild(document.createTextNode(message));
  error.hidden = false;
  group.classList.add("govuk-form-group--error");
  const field = form.querySelector("input, textarea");
  if (field) field.focus();
}
