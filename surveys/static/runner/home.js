/* The researcher's page: set up this tablet, kiosk mode, keep the survey for offline use,
 * and unfinished surveys kept on the tablet. */
import { button, go, nextUrl, plural, versionId } from "./context.js";
import { keepForOffline, registerWorker } from "./offline.js";
import { listRefused } from "./refused-list.js";
import { NOTHING_WAITING, mustWarn, sendLabel, warning } from "./sign-out-words.js";
import { onSummary, refreshStatus, sendNow } from "./sync-status.js";

class NameRefused extends Error {}

/* The name box's error the GOV.UK way: message above the box, linked to it, box focused. */
function showNameError(message) {
  const group = document.querySelector("[data-device-group]");
  const error = group.querySelector("[data-device-error]");
  const box = group.querySelector("input");
  const ids = ["device-name-hint"].concat(message ? [error.id] : []);
  box.setAttribute("aria-describedby", ids.join(" "));
  group.classList.toggle("govuk-form-group--error", !!message);
  box.classList.toggle("govuk-input--error", !!message);
  error.hidden = !message;
  error.textContent = "";
  if (!message) return;
  const prefix = document.createElement("span");
  prefix.className = "govuk-visually-hidden";
  prefix.textContent = "Error: ";
  error.append(prefix, message);
  box.focus();
}

export function homePage() {
  const deviceStatus = document.querySelector("[data-device-status]");
  const deviceForm = document.querySelector("[data-device-form]");
  const kiosk = document.querySelector("[data-kiosk]");

  const signingOut = signOut();

  function showDevice(device) {
    deviceForm.hidden = !!device;
    signingOut.device(device);
    deviceStatus.className = "fv-status" + (device ? " fv-status--done" : "");
    deviceStatus.textContent = device
      ? "This tablet is set up as ‘" + device.name + "’ and can send responses."
      : "This tablet is not set up yet. Name it to let it send responses.";
  }
  window.FVStore.getMeta("device").then(function (device) {
    showDevice(device);
    return refreshName(device, showDevice);
  });
  let settingUp = false;
  deviceForm.addEventListener("submit", function (event) {
    event.preventDefault();
    // One tablet, one set-up: a double tap sent two, and admins saw a second tablet that
    // never sent anything, like a lost one.
    if (settingUp) return;
    settingUp = true;
    fetch("/run/devices", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": deviceForm.elements.csrf_token.value },
      body: JSON.stringify({ name: deviceForm.elements.name.value })
    }).then(function (response) {
      if (response.status === 400 && !response.redirected) {
        // A name the server refuses (none, or too long): its words under the box, typing kept.
        return response.json().then(function (body) { throw new NameRefused(body.error); });
      }
      if (response.status !== 201 || response.redirected) throw new Error("refused");
      return response.json();
    }).then(function (device) {
      showNameError(null);
      return window.FVStore.setMeta("device", device).then(function () { showDevice(device); sendNow(true); });
    }).catch(function (error) {
      settingUp = false;
      if (error instanceof NameRefused && error.message) { showNameError(error.message); return; }
      deviceStatus.className = "fv-status fv-status--problem";
      deviceStatus.textContent = "Could not set up this tablet. Check the internet connection and that you are signed in.";
    });
  });
  window.FVStore.getMeta("kiosk").then(function (on) { kiosk.checked = !!on; });
  kiosk.addEventListener("change", function () { window.FVStore.setMeta("kiosk", kiosk.checked || null); });
  registerWorker().then(function () {
    return "serviceWorker" in navigator ? navigator.serviceWorker.ready : null;
  }).then(function () { return keepForOffline(document.querySelector("[data-offline-status]")); });
  // Back online, fetch the newest copy again: "No internet now" stayed beside "All responses
  // have been sent." until the page was opened again.
  window.addEventListener("online", function () {
    keepForOffline(document.querySelector("[data-offline-status]"));
  });
  listUnfinished();
  onSummary(function (summary) {
    listRefused(summary.refused, refreshStatus);
    signingOut.summary(summary);
  });
  refreshStatus();  // this module loads after the first count: show the list now
}

/* The name staff may have given this tablet since it was set up (the Tablets page renames
 * it): without asking, its page showed the old name until it was set up again. Offline, or
 * with a token the server no longer knows, the name it has is kept. */
function refreshName(device, show) {
  if (!device || !device.token) return Promise.resolve();
  return fetch("/api/v1/device", {
    credentials: "omit", cache: "no-store", headers: { "Authorization": "Bearer " + device.token }
  }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (current) {
    if (!current || current.name === device.name) return;
    const renamed = Object.assign({}, device, { name: current.name });
    return window.FVStore.setMeta("device", renamed).then(function () { show(renamed); });
  }).catch(function () {});
}

/* Sign out without leaving this page: the survey pages kept on the tablet still run. What it
 * says follows the tablet and what is on it: "sends the responses when it is back online"
 * was said with nothing to send, and a warning about a refused response stayed once it was
 * sent. With a response refused or still waiting to send (a change to a refused one, say),
 * "Sign out" warns once first: it signed out with no word while a change was unsent, and one
 * the server then refuses again can be put right only with a sign-in. Signing out leaves the
 * queue as it is (the tablet sends with its own key). Returns {device(d), summary(s)} to tell
 * it each as it is known. */
function signOut() {
  const form = document.querySelector("[data-sign-out]");
  const status = document.querySelector("[data-sign-out-status]");
  const submit = form.querySelector("button[type=submit]");
  const sendButton = form.querySelector("[data-sign-out-send]");
  const stayButton = form.querySelector("[data-sign-out-stay]");
  let device, summary, warned = false;

  function say() {
    if (form.hidden) return;  // signed out: that is what it says now
    const failed = summary ? summary.failed : 0;
    const waiting = summary ? summary.waiting : 0;
    if (!mustWarn(summary)) warned = false;
    submit.textContent = warned ? "Sign out anyway" : "Sign out";
    status.className = warned ? "fv-status fv-status--problem" : "govuk-body";
    submit.classList.toggle("govuk-button--warning", warned);
    submit.classList.toggle("govuk-button--secondary", !warned);
    stayButton.hidden = !warned;
    sendButton.hidden = !(warned && waiting);
    sendButton.textContent = sendLabel(waiting);
    if (device === undefined) return;
    if (!device) {
      // Signed out before it is set up, the tablet keeps responses it can never send.
      status.textContent = "Set up this tablet (above) before you sign out. Until then it keeps responses but cannot send them.";
    } else if (warned) {
      status.textContent = warning(summary, "from the list above");
    } else if (failed) {
      status.textContent = "Before you sign out, put right the " + (failed === 1 ? "response" : "responses") +
        " the server did not take (above), or save a copy for staff.";
    } else if (summary && summary.waiting) {
      status.textContent = "You can sign out now. The tablet keeps working without internet, and sends the " +
        plural(summary.waiting, "response", "responses") + " waiting by itself when it is back online.";
    } else if (summary) {
      // Sent, or a refused one deleted: either way nothing is left to send.
      status.textContent = NOTHING_WAITING;
    } else {
      status.textContent = "You can sign out now. The survey keeps working on this tablet without internet.";
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // A store script kept from before has no settledSummary.
    const settled = window.FVStore.settledSummary || window.FVStore.summary;
    settled().then(function (s) {
      summary = s;
      if (mustWarn(s) && !warned) {
        warned = true;
        say();
        status.tabIndex = -1;
        status.focus();
        return;
      }
      leave(form, status);
    }, function () { leave(form, status); });
  });
  sendButton.addEventListener("click", function () {
    status.textContent = "Sending…";
    // The count after it (onSummary) says what is left: nothing, and "Sign out" is back.
    sendNow(true);
  });
  stayButton.addEventListener("click", function () {
    warned = false;
    say();
    status.textContent = "You are still signed in. " + status.textContent;
  });
  return {
    device: function (d) { device = d || null; say(); },
    summary: function (s) { summary = s; say(); }
  };
}

function leave(form, status) {
  fetch(form.action, { method: "POST", credentials: "same-origin", body: new FormData(form) })
    .then(function (response) {
      // Refused (a sign-in that ended, say): the browser's own sign-out shows the server's page.
      if (!response.ok) { form.submit(); return; }
      form.hidden = true;
      status.textContent = "You have signed out. The survey still runs on this tablet.";
    }, function () {
      // No answer at all: sending the form itself left the survey for the browser's own
      // "No internet" page, still signed in.
      status.textContent = "No internet now, so you are still signed in. Sign out again when " +
                           "the tablet is back online.";
    });
}

function listUnfinished() {
  const list = document.querySelector("[data-unfinished]");
  if (!list) return;
  window.FVStore.unfinished().then(function (drafts) {
    drafts = drafts.filter(function (d) { return d.versionId === versionId; });
    list.hidden = !drafts.length;
    const items = list.querySelector("ul");
    items.innerHTML = "";
    drafts.forEach(function (draft) {
      const li = document.createElement("li");
      const when = new Date(draft.savedAt || draft.startedAt);
      const count = Object.keys(draft.answers).length;
      li.appendChild(document.createTextNode("Started " + when.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) +
        ", " + plural(count, "answer", "answers") + " "));
      li.appendChild(button("Carry on with it", "govuk-button--secondary", function () {
        window.FVStore.resume(draft.uuid).then(function (d) { go(nextUrl(0, d.answers)); });
      }));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button("Delete it", "govuk-button--warning", function () {
        askToDelete(li, count, draft.uuid);
      }));
      items.appendChild(li);
    });
  });
}

/* "Delete it" sat beside "Carry on with it" and deleted at one tap: a slip lost a participant's
 * answers for good. It asks first, in the list item, with the focus on the question. */
function askToDelete(li, count, uuid) {
  const ask = document.createElement("div");
  ask.className = "fv-status fv-status--problem";
  const question = document.createElement("p");
  question.className = "govuk-body";
  question.tabIndex = -1;
  question.textContent = count === 0 ? "Delete it? It has no answers."
    : count === 1 ? "Delete this answer? It cannot be got back."
    : "Delete these " + count + " answers? They cannot be got back.";
  ask.appendChild(question);
  ask.appendChild(button(count <= 1 ? "Yes, delete it" : "Yes, delete them", "govuk-button--warning", function () {
    window.FVStore.deleteDraft(uuid).then(listUnfinished);
  }));
  ask.appendChild(document.createTextNode(" "));
  ask.appendChild(button(count <= 1 ? "No, keep it" : "No, keep them", "govuk-button--secondary", listUnfinished));
  li.replaceChildren(ask);
  question.focus();
}
