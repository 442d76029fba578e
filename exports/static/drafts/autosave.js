// Saves the draft in the background a few seconds after typing stops. The plain "Save
// draft" button works without this script. A 409 answer means someone else saved first:
// we stop autosaving and say so, so their work is never silently overwritten.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  var status = document.getElementById("save-status");
  var revision = document.getElementById("revision");
  if (!form || !status || !revision || !window.fetch || !window.FormData) { return; }
  var IDLE_MS = 3000;
  var timer = null;
  var dirty = false;
  var saving = false;
  var stopped = false;
  var waitingSubmit = null;

  function say(text) { status.textContent = text; }

  function save() {
    timer = null;
    if (!dirty || stopped) { return; }
    if (saving) { schedule(); return; }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.delete("action");
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      if (result.status === 200 && result.body.saved) {
        revision.value = result.body.revision;
        say(result.body.message);
      } else if (result.status === 409) {
        stopped = true;
        var changed = (result.body.changes || []).map(function (c) { return c.what; }).join(", ");
        say(result.body.message + (changed ? " They changed: " + changed + "." : "") +
            " Press \u201cSave draft\u201d to see their changes next to yours.");
      } else {
        dirty = true;
        say(result.body.message || "Not saved. Press \u201cSave draft\u201d.");
      }
    }).catch(function () {
      dirty = true;
      say("Not saved: the connection failed. Your text is still here; press \u201cSave draft\u201d when you are back online.");
    }).then(function () {
      saving = false;
      // A Save pressed during a background save goes on once it is done, with the new revision.
      if (waitingSubmit) {
        var button = waitingSubmit;
        waitingSubmit = null;
        if (form.requestSubmit) { form.requestSubmit(button); } else { form.submit(); }
      }
    });
  }

  function schedule() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(save, IDLE_MS);
  }

  form.addEventListener("input", function () { dirty = true; schedule(); });
  form.addEventListener("change", function () { dirty = true; schedule(); });
  form.addEventListener("submit", function (event) {
    if (saving) {
      event.preventDefault();
      waitingSubmit = event.submitter || null;
      if (!waitingSubmit) { waitingSubmit = form.querySelector("button[value='save']"); }
      return;
    }
    stopped = true;
    if (timer) { window.clearTimeout(timer); }
  });
})();
