// A file over the server's upload limit is refused in the form, before it is sent. The server
// can only answer such a request with its "The file is too big" page: everything typed beside
// the file was lost, after minutes of sending. A file input marked data-max-bytes (the
// server's MAX_CONTENT_LENGTH) is checked on submit, with the GOV.UK error summary and message.
const MB = 1024 * 1024;

function sizeWords(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function showError(input, message) {
  const group = input.closest(".govuk-form-group");
  group?.classList.add("govuk-form-group--error");
  input.classList.add("govuk-file-upload--error");
  let line = group?.querySelector("[data-too-big]");
  if (!line) {
    line = document.createElement("p");
    line.className = "govuk-error-message";
    line.id = `${input.id}-too-big`;
    line.setAttribute("data-too-big", "");
    input.before(line);
    input.setAttribute("aria-describedby",
      `${input.getAttribute("aria-describedby") || ""} ${line.id}`.trim());
  }
  line.innerHTML = '<span class="govuk-visually-hidden">Error:</span> ';
  line.append(message);

  const main = document.getElementById("main-content") || document.body;
  let summary = main.querySelector(".govuk-error-summary");
  if (!summary) {
    summary = document.createElement("div");
    summary.className = "govuk-error-summary";
    summary.setAttribute("data-module", "govuk-error-summary");
    summary.innerHTML = '<div role="alert"><h2 class="govuk-error-summary__title">There is a ' +
      'problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list ' +
      'govuk-error-summary__list"></ul></div></div>';
    // At the top of the main column, as wide as the form, like the server's (base.html).
    const row = document.createElement("div");
    row.className = "govuk-grid-row";
    const column = document.createElement("div");
    column.className = "govuk-grid-column-two-thirds";
    column.append(summary);
    row.append(column);
    main.prepend(row);
  }
  summary.tabIndex = -1;
  const list = summary.querySelector(".govuk-error-summary__list");
  list.querySelector("[data-too-big]")?.remove();
  const item = document.createElement("li");
  item.setAttribute("data-too-big", "");
  const link = document.createElement("a");
  link.href = `#${input.id}`;
  link.textContent = message;
  item.append(link);
  list.append(item);
  if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  summary.focus();
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  for (const input of form.querySelectorAll("input[type=file][data-max-bytes]")) {
    const limit = Number(input.dataset.maxBytes);
    const file = [...(input.files || [])].find((f) => f.size > limit);
    if (limit > 0 && file) {
      event.preventDefault();
      showError(input, `${file.name} is too big (${sizeWords(file.size)}). Files must be ` +
        `${Math.floor(limit / MB)} MB or smaller: split the transcript, or remove pictures ` +
        "from it, and upload it again.");
      return;
    }
  }
});
