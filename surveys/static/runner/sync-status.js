/* Sending: the count of responses waiting on this tablet, and "Send now". */
import { page, plural, preview, urls } from "./context.js";

let lastResult = null;

const REASONS = {
  offline: "No internet now: they will send when the tablet is back online.",
  "no-device": "This tablet is not set up to send. A researcher must sign in and open the survey’s tablet page.",
  unauthorised: "This tablet is no longer allowed to send. A researcher must sign in and set it up again.",
  server: "The server is busy. The tablet will try again."
};

/* The server's reason is written for developers too ("answers[7].value (question 8) is
 * ..."): the researcher reads "the answer to question 8 is ...". */
export function researchersWords(reason) {
  return String(reason)
    .replace(/answers\[\d+\](?:\.value)? \(question (\d+)\)/g, "the answer to question $1")
    .replace(/\bstarted_at\b/g, "the time it was started")
    .replace(/\bfinished_at\b/g, "the time it was finished")
    .replace(/\.?$/, ".");
}

function showStatus() {
  const status = document.querySelector("[data-sync-status]");
  if (!status) return Promise.resolve();
  const sendRow = document.querySelector("[data-send-now-row]");
  return window.FVStore.summary().then(function (s) {
    const nothingToSend = !s.waiting && !s.failed;
    const parts = [];
    let kind = "fv-status";
    // "Send now" only while there is something to send: with nothing waiting it did nothing.
    if (sendRow) sendRow.hidden = nothingToSend;
    if (nothingToSend) {
      parts.push("All responses have been sent.");
      kind += " fv-status--done";
    }
    if (s.waiting) {
      parts.push(plural(s.waiting, "response", "responses") + " waiting to send.");
      if (REASONS[lastResult]) parts.push(REASONS[lastResult]);
    }
    if (s.failed) {
      kind += " fv-status--problem";
      parts.push(plural(s.failed, "response", "responses") + " could not be sent: " +
                 researchersWords(s.errors[0]));
      // The server's reason alone left the researcher unsure the answers were safe and with
      // nobody to ask; clearing the browser's data is the one way they could still be lost.
      parts.push((s.failed === 1 ? "Its" : "Their") + " answers are kept on this tablet, so " +
                 "nothing is lost: do not clear the tablet’s browser data.");
      const canChange = s.refused.some(function (r) { return r.questions.length; });
      // The way out: the answer the server refused is changed on the researcher page.
      if (canChange) {
        parts.push(page === "home" ? "Change the answer the server did not take (below) to send it again, or tell whoever runs the survey."
                                   : "A researcher can change the answer the server did not take on the researcher page and send it again, or tell whoever runs the survey.");
      } else if (s.refused.some(function (r) { return r.times; })) {
        parts.push(page === "home" ? "Send it without the times (below), or tell whoever runs the survey."
                                   : "A researcher can send it without the times on the researcher page, or tell whoever runs the survey.");
      } else {
        parts.push("Tell whoever runs the survey.");
      }
    }
    status.className = kind;
    status.textContent = parts.join(" ");
    listRefused(s.refused);
  });
}

/* The researcher page lists each refused response with a link to change each answer the server
 * refused (pages.js opens that question with ?fix=). A refusal naming no answer cannot be
 * changed here: the response stays on the tablet and staff are told. */
function listRefused(refused) {
  const list = document.querySelector("[data-refused]");
  if (!list) return;
  const items = list.querySelector("ul");
  items.innerHTML = "";
  list.hidden = !refused.length;
  refused.forEach(function (response) {
    const li = document.createElement("li");
    const reason = document.createElement("p");
    reason.className = "govuk-body";
    const words = researchersWords(String(response.error).replace(/^The response was not stored: /, ""));
    reason.textContent = words.charAt(0).toUpperCase() + words.slice(1);
    li.appendChild(reason);
    if (response.times) {
      // The one refusal naming no answer that the tablet can put right: its clock was wrong.
      const clock = document.createElement("p");
      clock.className = "govuk-body";
      clock.textContent = "The tablet’s clock was wrong when these answers were given, so the " +
                          "server did not take the times. The answers are fine.";
      li.appendChild(clock);
      const send = document.createElement("button");
      send.type = "button";
      send.className = "govuk-button govuk-button--secondary";
      send.textContent = "Send it without the times";
      send.addEventListener("click", function () {
        window.FVStore.sendWithoutTimes(response.uuid).then(function () { return sendNow(true); });
      });
      li.appendChild(send);
    } else if (!response.questions.length) {
      const none = document.createElement("p");
      none.className = "govuk-body";
      none.textContent = "This cannot be changed on the tablet. It stays here: tell whoever runs the survey.";
      li.appendChild(none);
    }
    response.questions.forEach(function (position) {
      const link = document.createElement("a");
      link.className = "govuk-button govuk-button--secondary fv-change-answer";
      link.href = urls.question.replace(/\/run\/\d+\//, "/run/" + response.versionId + "/") + position +
                  "?fix=" + encodeURIComponent(response.uuid);
      link.textContent = "Change the answer to question " + position;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" "));
    });
    items.appendChild(li);
  });
}

export function sendNow(retryFailed) {
  return window.FVStore.sendAll({ retryFailed: retryFailed }).then(function (outcome) {
    lastResult = outcome.result;
  }, function () { lastResult = "server"; }).then(showStatus);
}

export function setupSync() {
  // Pages between participants send what is waiting; only some show the count.
  if (preview || ["home", "start", "done", "stopped"].indexOf(page) === -1) return;
  const button = document.querySelector("[data-send-now]");
  if (button) button.addEventListener("click", function () { sendNow(true); });
  window.addEventListener("online", function () { sendNow(false); });
  window.addEventListener("offline", function () { lastResult = "offline"; showStatus(); });
  setInterval(function () { sendNow(false); }, 30000);
  showStatus().then(function () { return sendNow(false); });
}
