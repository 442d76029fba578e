/* The researcher page's list of responses the server refused, each with its way out: change
 * the answers it refused (fix.js opens each question with ?fix=), send it without the times
 * if the tablet's clock was wrong, or, for a refusal nothing on the tablet can put right, the
 * reason in plain words, a copy to save for staff, and deleting it once asked. */
import { button, urls } from "./context.js";
import { researchersWords, sendNow, setNote } from "./sync-status.js";

/* Refusals no answer can put right, told apart by the server's words (409: sync.SyncConflict;
 * 422: payload.py's reasons; 413: api.BODY_MAX). */
const WHY = [
  [/different response was already received/, "The server already has a different response " +
   "with the same id, so it did not take this one. This can happen when a tablet’s saved " +
   "data was copied to another tablet, or put back from a backup."],
  [/Survey version \d+ does not exist or is not published/, "The version of the survey these " +
   "answers were given in is not on the server. Staff may have removed it after the answers " +
   "were given."],
  [/no longer exists/, "Something these answers refer to, like the survey, is no longer on " +
   "the server."],
  [/too big/, "The response is too big for the server to take."]
];

function paragraph(text) {
  const p = document.createElement("p");
  p.className = "govuk-body";
  p.textContent = text;
  return p;
}

/* The response as a file (works offline): staff can read it, or send it again for it. */
function saveCopy(response) {
  return window.FVStore.refusedItem(response.uuid).then(function (item) {
    if (!item) return;
    const copy = Object.assign(JSON.parse(item.body), { refused_because: item.error });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(copy, null, 2)], { type: "application/json" }));
    link.download = "refused-response-" + response.uuid + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  });
}

/* Deleting loses the answers for good: asked first, in the list item, focus on the question. */
function askToDelete(li, response, refresh) {
  const ask = document.createElement("div");
  ask.className = "fv-status fv-status--problem";
  const question = paragraph(response.overtaken
    ? "Delete the changed copy? The server keeps the response as it was sent; the change cannot be got back."
    : "Delete this response? Its answers cannot be got back. Staff can see that it was " +
      "refused, but not its answers: save a copy first if they may need them.");
  question.tabIndex = -1;
  ask.appendChild(question);
  ask.appendChild(button("Yes, delete it", "govuk-button--warning", function () {
    window.FVStore.discardRefused(response.uuid).then(function (deleted) {
      if (deleted) setNote(response.overtaken ? "The changed copy was deleted from this tablet."
                                              : "The response was deleted from this tablet.");
      return refresh(true);
    });
  }));
  ask.appendChild(document.createTextNode(" "));
  ask.appendChild(button("No, keep it", "govuk-button--secondary", function () { refresh(true); }));
  li.replaceChildren(ask);
  question.focus();
}

function cannotChange(li, response, refresh) {
  const known = WHY.find(function (why) { return why[0].test(String(response.error)); });
  li.appendChild(paragraph(known ? known[1] : "The server could not take it: " +
                           researchersWords(String(response.error).replace(/^The response was not stored: /, ""))));
  li.appendChild(paragraph("Changing an answer on this tablet cannot put this right. Keep it on " +
                           "this tablet and show it to a facilitator or admin: they can see " +
                           "why it was refused on their ‘Responses the server refused’ page. " +
                           "Save a copy to give them if they ask for one."));
  li.appendChild(button("Save a copy", "govuk-button--secondary", function () { saveCopy(response); }));
  li.appendChild(document.createTextNode(" "));
  li.appendChild(button("Delete it from this tablet", "govuk-button--warning", function () {
    askToDelete(li, response, refresh);
  }));
}

/* Changed in another tab after the server had taken it (store-outbox.js forgetSent): the
 * server has the answers as they were; the change is kept here only to copy or delete. */
function overtaken(li, response, refresh) {
  li.appendChild(paragraph("This response was changed in another tab after the server had " +
                           "taken it, so the server has the answers as they were before the " +
                           "change, and the change was not sent. Nothing given by the " +
                           "participant is lost."));
  li.appendChild(paragraph("If the change matters, save a copy and give it to a facilitator " +
                           "or admin. Then delete the changed copy from this tablet."));
  li.appendChild(button("Save a copy", "govuk-button--secondary", function () { saveCopy(response); }));
  li.appendChild(document.createTextNode(" "));
  li.appendChild(button("Delete the changed copy", "govuk-button--warning", function () {
    askToDelete(li, response, refresh);
  }));
}

function reason(li, response) {
  li.appendChild(paragraph(researchersWords(String(response.error).replace(/^The response was not stored: /, ""))
    .replace(/^./, function (c) { return c.toUpperCase(); })));
}

function changeLinks(li, response) {
  reason(li, response);
  response.questions.forEach(function (position) {
    const link = document.createElement("a");
    link.className = "govuk-button govuk-button--secondary fv-change-answer";
    link.href = urls.question.replace(/\/run\/\d+\//, "/run/" + response.versionId + "/") + position +
                "?fix=" + encodeURIComponent(response.uuid);
    link.textContent = (response.asking.indexOf(position) !== -1 ? "Answer question " : "Change the answer to question ") + position;
    li.appendChild(link);
    li.appendChild(document.createTextNode(" "));
  });
}

function sendWithoutTimes(li, response) {
  reason(li, response);
  li.appendChild(paragraph("The tablet’s clock was wrong when these answers were given, so the " +
                           "server did not take the times. The answers are fine."));
  li.appendChild(button("Send it without the times", "govuk-button--secondary", function () {
    window.FVStore.sendWithoutTimes(response.uuid).then(function () { return sendNow(true); });
  }));
}

let shown = null;

/* Fill the list (again only when what it shows changed: every 30 seconds it wiped a question
 * being asked, and the focus). refresh(true) draws it again whatever. */
export function listRefused(refused, refresh) {
  const list = document.querySelector("[data-refused]");
  const again = JSON.stringify(refused);
  if (!list || again === shown) return;
  shown = again;
  const items = list.querySelector("ul");
  items.innerHTML = "";
  // One sent again unheard keeps only its ways to change it: the server may hold it already,
  // so deleting it is offered only once the server has said it refuses it again.
  const listed = refused.filter(function (r) { return !r.rechecking || r.times || r.questions.length; });
  list.hidden = !listed.length;
  // A change the server never got (overtaken) was not refused: the heading says what both are.
  const title = list.querySelector("[data-refused-title]");
  if (title) {
    title.textContent = listed.every(function (r) { return r.overtaken; }) ? "Changes the server did not get"
      : listed.some(function (r) { return r.overtaken; }) ? "Responses and changes the server did not take"
      : "Responses the server did not take";
  }
  const redraw = function () { shown = null; return refresh(); };
  listed.forEach(function (response) {
    const li = document.createElement("li");
    if (response.rechecking) {
      li.appendChild(paragraph("This response was sent again with no answer heard, so it is " +
                               "sent once more when the tablet is online. Until the server " +
                               "answers, you can still change what it did not take before."));
    }
    if (response.overtaken) overtaken(li, response, redraw);
    else if (response.times) sendWithoutTimes(li, response);
    else if (response.questions.length) changeLinks(li, response);
    else cannotChange(li, response, redraw);
    items.appendChild(li);
  });
}
