/* Sending: the count of responses waiting on this tablet, and "Send now". */
import { page, plural, preview } from "./context.js";

let lastResult = null;
let note = null;
const listeners = [];

/* A word for the researcher shown once with the next count ("deleted from this tablet"). */
export function setNote(text) { note = text; }

/* fn(summary) after each count: the researcher page's refused list and sign-out words. */
export function onSummary(fn) { listeners.push(fn); }

const REASONS = {
  offline: "No internet now: {they} will send when the tablet is back online.",
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
      // After a refused response was deleted, "All responses have been sent" was untrue.
      // A fresh tablet said "All responses have been sent." when none had ever been taken.
      parts.push(note ? note + " Nothing else is waiting to send."
                 : s.sentAny ? "All responses have been sent."
                 : "Nothing is waiting to send.");
      kind += " fv-status--done";
    } else if (note) {
      parts.push(note);
    }
    note = null;
    if (s.waiting) {
      parts.push(plural(s.waiting, "response", "responses") + " waiting to send.");
      // "1 response waiting ... they will send" read wrong: the words follow the count.
      const reason = REASONS[lastResult];
      if (reason) parts.push(reason.replace("{they}", s.waiting === 1 ? "it" : "they"));
    }
    if (s.failed) {
      kind += " fv-status--problem";
      parts.push(plural(s.failed, "response", "responses") + " could not be sent: " +
                 researchersWords(s.errors[0]));
      // The server's reason alone left the researcher unsure the answers were safe and with
      // nobody to ask; clearing the browser's data is the one way they could still be lost.
      parts.push((s.failed === 1 ? "Its" : "Their") + " answers are kept on this tablet, so " +
                 "nothing is lost: do not clear the tablet’s browser data.");
      const refused = s.refused.filter(function (r) { return !r.rechecking; });
      const canChange = refused.some(function (r) { return r.questions.length; });
      // The way out: the answer the server refused is changed on the researcher page.
      if (canChange) {
        parts.push(page === "home" ? "Change the answer the server did not take (below) to send it again, or tell whoever runs the survey."
                                   : "A researcher can change the answer the server did not take on the researcher page and send it again, or tell whoever runs the survey.");
      } else if (refused.some(function (r) { return r.times; })) {
        parts.push(page === "home" ? "Send it without the times (below), or tell whoever runs the survey."
                                   : "A researcher can send it without the times on the researcher page, or tell whoever runs the survey.");
      } else {
        // Nothing on the tablet puts it right: the researcher page says why, and keeps a copy.
        parts.push(page === "home" ? "The list below says why and what to do."
                                   : "A researcher can see why and what to do on the researcher page.");
      }
    }
    if (s.overtaken) {
      // Changed in another tab once the server had taken it: never sent, and said nowhere.
      parts.push((s.overtaken === 1 ? "1 response was" : s.overtaken + " responses were") +
                 " changed after the server had taken " + (s.overtaken === 1 ? "it" : "them") +
                 ", so the server has the answers as they were before the change. The change " +
                 "was not sent." + (page === "home" ? " It is kept on this tablet: the list below says what to do."
                                                    : " A researcher can see it on the researcher page."));
      // Nothing is lost (the server has the response), but it is not all done either.
      kind = kind.replace(" fv-status--done", "");
    }
    const text = parts.join(" ");
    // The line is a live region: writing the same words again (every count after a send
    // or another tab's change) had some screen readers read them out again.
    if (status.className !== kind) status.className = kind;
    if (status.textContent !== text) status.textContent = text;
    listeners.forEach(function (fn) { fn(s); });
  });
}

/* Count again without sending (after the researcher page changed the outbox itself). */
export function refreshStatus() { return showStatus(); }

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
  // A response queued or sent in another tab: count again (before, "Send now" stayed hidden
  // until the 30-second send). A store script kept from before has no onOutboxChange.
  if (window.FVStore.onOutboxChange) window.FVStore.onOutboxChange(showStatus);
  showStatus().then(function () { return sendNow(false); });
}
