/* Reading an answer from the page's form, putting a saved one back, and showing an error
 * the GOV.UK way (message linked to the field, field focused). */

/* The server refuses text with a null character or half an emoji (payload._text_problem),
 * and with it the whole response, which then waits on the tablet for ever: a paste can carry
 * either, so nulls go and a half emoji becomes \ufffd. */
const HALF_EMOJI = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function sendable(text) { return text.replace(/\u0000/g, "").replace(HALF_EMOJI, "\uFFFD"); }

export function readAnswer(form, kind) {
  if (kind === "free_text") return { value: sendable(form.elements.answer.value).trim() };
  if (kind === "number") {
    const raw = form.elements.answer.value.trim().replace(/,/g, "");
    if (!raw) return { value: null };
    const number = Number(raw);
    if (!/^-?\d+(\.\d+)?$/.test(raw) || !isFinite(number)) return { error: "Enter a number, like 3" };
    // The page carries the server's rules and their words; the typed text stays in the box.
    const box = form.elements.answer;
    if (box.dataset.min !== undefined && number < Number(box.dataset.min)) return { error: box.dataset.tooSmall };
    if (box.dataset.max !== undefined && Math.abs(number) > Number(box.dataset.max)) return { error: box.dataset.tooBig };
    // A count (nights, workers) is whole unless the builder allowed decimals: 2.0 is 2.
    if (box.dataset.whole !== undefined && !Number.isInteger(number)) return { error: box.dataset.notWhole };
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

/* A written answer near its limit says how many characters are left, over it how many too
 * many (the GOV.UK character count). Nothing is cut off: the whole answer is kept and "Next"
 * refuses it (tooLong). Screen readers hear the count once typing pauses. */
const COUNT_FROM = 0.9;  // of the limit: a short answer is not distracted by a number
const numberText = function (n) { return n.toLocaleString("en-GB"); };

export function setupCount(form) {
  const box = form.querySelector("textarea[data-maxlength]");
  const shown = form.querySelector("[data-count]");
  const status = form.querySelector("[data-count-status]");
  if (!box || !shown) return function () {};
  const max = Number(box.dataset.maxlength);
  let pause;
  function update() {
    const left = max - box.value.length;
    const near = box.value.length >= max * COUNT_FROM;
    const chars = function (n) { return numberText(n) + (n === 1 ? " character" : " characters"); };
    const text = left >= 0 ? "You have " + chars(left) + " remaining" : "You have " + chars(-left) + " too many";
    shown.hidden = !near;
    shown.textContent = near ? text : "";
    shown.classList.toggle("govuk-error-message", left < 0);
    box.classList.toggle("govuk-textarea--error", left < 0);
    clearTimeout(pause);
    pause = setTimeout(function () { status.textContent = near ? text : ""; }, 1000);
  }
  box.addEventListener("input", update);
  update();
  return update;
}

/* Whether an answer is written text longer than the limit the server keeps. */
export function overLimit(value, max) {
  return typeof value === "string" && value.length > max;
}

/* The refusal for a written answer over its limit, in the server's words; null when it fits. */
export function tooLong(form, value) {
  const box = form.querySelector("textarea[data-maxlength]");
  if (!box || !overLimit(value, Number(box.dataset.maxlength))) return null;
  return box.dataset.tooLong + ".";  // the limit only, as the server says it
}

/* The page's answer as the server would take it: { error } (shown beside the box), or
 * { value, empty } where empty means nothing was given (the caller asks "Skip this question?").
 * One check for a participant's page and the researcher's change of a refused answer. */
export function checkedAnswer(form, kind) {
  const answer = readAnswer(form, kind);
  if (answer.error) return answer;
  const over = tooLong(form, answer.value);
  if (over) return { error: over };
  const empty = answer.value === null || answer.value === "";
  if (empty && form.dataset.required) return { error: form.dataset.required };
  return { value: answer.value, empty: empty };
}
