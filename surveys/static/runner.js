/* Forum Voice tablet runner: one question per page, answers saved as given, works offline.
 *
 * Pages are plain server-rendered HTML; this script fills in saved answers, follows the
 * skip logic, reads aloud, queues finished responses and sends them. No inline script
 * (strict CSP) and no build step. Needs store.js (window.FVStore).
 */
(function () {
  "use strict";

  var main = document.querySelector("main[data-runner]");
  if (!main || !window.FVStore) return;
  var page = main.dataset.page;
  var versionId = Number(main.dataset.version);
  var urls = JSON.parse(main.dataset.urls);
  var flow = JSON.parse(main.dataset.flow);
  var preview = main.dataset.preview === "1";
  var store = preview ? previewStore() : window.FVStore;
  var SPECIAL = ["dont_know", "prefer_not"];

  /* ---- skip logic ---- */

  function shownIds(answers) {
    var shown = {};
    flow.forEach(function (step) {
      var rule = step.showIf;
      if (!rule) { shown[step.id] = true; return; }
      var value = shown[rule[0]] ? answers[rule[0]] : undefined;
      shown[step.id] = Array.isArray(value) ? value.indexOf(rule[1]) !== -1 : value === rule[1];
    });
    return shown;
  }

  function nextUrl(position, answers) {
    var shown = shownIds(answers);
    for (var i = 0; i < flow.length; i++) {
      if (flow[i].position > position && shown[flow[i].id]) return urls.question + flow[i].position;
    }
    return urls.end;
  }

  function previousUrl(position, answers) {
    var shown = shownIds(answers);
    for (var i = flow.length - 1; i >= 0; i--) {
      if (flow[i].position < position && shown[flow[i].id]) return urls.question + flow[i].position;
    }
    return urls.start;
  }

  function go(url, replace) {
    if (replace) window.location.replace(url); else window.location.assign(url);
  }

  /* ---- preview: the same pages, answers kept only in this tab ---- */

  function previewStore() {
    var key = "fv-preview-" + main.dataset.version;
    function load() { try { return JSON.parse(sessionStorage.getItem(key)); } catch (e) { return null; } }
    function keep(draft) { sessionStorage.setItem(key, JSON.stringify(draft)); return draft; }
    return {
      newDraft: function () { return Promise.resolve(keep({ uuid: "preview", versionId: versionId, answers: {} })); },
      currentDraft: function () { return Promise.resolve(load()); },
      saveAnswer: function (uuid, qid, value) {
        var draft = load() || { uuid: "preview", versionId: versionId, answers: {} };
        if (value === null || value === "" || (Array.isArray(value) && !value.length)) delete draft.answers[qid];
        else draft.answers[qid] = value;
        return Promise.resolve(keep(draft));
      },
      deleteDraft: function () { sessionStorage.removeItem(key); return Promise.resolve(); },
      setAside: function () { return Promise.resolve(); },
      getMeta: function () { return Promise.resolve(null); }
    };
  }

  /* ---- reading aloud: the recording first, else a local voice, else no button ---- */

  function setupPlay() {
    var button = document.querySelector("[data-play]");
    if (!button) return;
    var label = button.querySelector("[data-play-label]");
    function playing(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      label.textContent = on ? "Stop" : "Play";
    }
    if (button.dataset.audio) {
      var audio = new Audio(button.dataset.audio);
      audio.preload = "auto";
      audio.addEventListener("ended", function () { playing(false); });
      audio.addEventListener("pause", function () { playing(false); });
      button.hidden = false;
      button.addEventListener("click", function () {
        if (!audio.paused) { audio.pause(); audio.currentTime = 0; return; }
        audio.play().then(function () { playing(true); }, function () { playing(false); });
      });
      return;
    }
    if (!("speechSynthesis" in window)) return;
    var synth = window.speechSynthesis;
    function localVoice() {
      var voices = synth.getVoices().filter(function (v) { return v.localService && /^en/i.test(v.lang); });
      voices.sort(function (a, b) { return (/en-GB/i.test(b.lang) ? 1 : 0) - (/en-GB/i.test(a.lang) ? 1 : 0); });
      return voices[0] || null;
    }
    function check() { if (localVoice()) button.hidden = false; }
    check();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", check);
    button.addEventListener("click", function () {
      if (synth.speaking) { synth.cancel(); playing(false); return; }
      var voice = localVoice();
      if (!voice) return;
      var utterance = new SpeechSynthesisUtterance(button.dataset.say);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      utterance.onend = utterance.onerror = function () { playing(false); };
      playing(true);
      synth.speak(utterance);
    });
  }

  /* ---- kiosk: clear the screen after a while without use ---- */

  function setupIdle() {
    if (preview || ["question", "stop", "end"].indexOf(page) === -1) return;
    store.getMeta("kiosk").then(function (kiosk) {
      if (!kiosk) return;
      var limit = Math.max(5, Number(main.dataset.idle) || 180) * 1000;
      var warnAfter = limit - Math.min(30000, limit / 3);
      var warning = document.querySelector("[data-idle-warning]");
      var warnTimer, clearTimer;
      function reset() {
        clearTimeout(warnTimer);
        clearTimeout(clearTimer);
        warning.hidden = true;
        warnTimer = setTimeout(function () {
          warning.hidden = false;
          warning.querySelector("button").focus();
        }, warnAfter);
        clearTimer = setTimeout(function () {
          store.setAside().then(function () { go(urls.start, true); });
        }, limit);
      }
      ["pointerdown", "keydown", "input", "touchstart"].forEach(function (type) {
        document.addEventListener(type, reset, { passive: true });
      });
      warning.querySelector("button").addEventListener("click", reset);
      reset();
    });
  }

  /* ---- sending: the count of responses waiting, and "Send now" ---- */

  var lastResult = null;

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function showStatus() {
    var status = document.querySelector("[data-sync-status]");
    if (!status) return Promise.resolve();
    return window.FVStore.summary().then(function (s) {
      var parts = [];
      var kind = "fv-status";
      if (!s.waiting && !s.failed) {
        parts.push("All responses have been sent.");
        kind += " fv-status--done";
      }
      if (s.waiting) {
        parts.push(plural(s.waiting, "response", "responses") + " waiting to send.");
        if (lastResult === "offline") parts.push("No internet now: they will send when the tablet is back online.");
        if (lastResult === "no-device") parts.push("This tablet is not set up to send. A researcher must sign in and open the survey’s tablet page.");
        if (lastResult === "unauthorised") parts.push("This tablet is no longer allowed to send. A researcher must sign in and set it up again.");
        if (lastResult === "server") parts.push("The server is busy. The tablet will try again.");
      }
      if (s.failed) {
        kind += " fv-status--problem";
        parts.push(plural(s.failed, "response", "responses") + " could not be sent: " + s.errors[0]);
      }
      status.className = kind;
      status.textContent = parts.join(" ");
    });
  }

  function sendNow(retryFailed) {
    return window.FVStore.sendAll({ retryFailed: retryFailed }).then(function (outcome) {
      lastResult = outcome.result;
    }, function () { lastResult = "server"; }).then(showStatus);
  }

  function setupSync() {
    // Pages between participants send what is waiting; only some show the count.
    if (preview || ["home", "start", "done", "stopped"].indexOf(page) === -1) return;
    var button = document.querySelector("[data-send-now]");
    if (button) button.addEventListener("click", function () { sendNow(true); });
    window.addEventListener("online", function () { sendNow(false); });
    window.addEventListener("offline", function () { lastResult = "offline"; showStatus(); });
    setInterval(function () { sendNow(false); }, 30000);
    showStatus().then(function () { return sendNow(false); });
  }

  /* ---- offline: keep every page of this version, its pictures and audio ---- */

  function registerWorker() {
    if (preview || !("serviceWorker" in navigator)) return Promise.resolve(null);
    return navigator.serviceWorker.register("/run/sw.js", { scope: "/run/" }).catch(function () { return null; });
  }

  function keepForOffline(status) {
    var say = function (text) { if (status) status.textContent = text; };
    if (!("caches" in window)) { say("This browser cannot keep the survey for use without internet."); return Promise.resolve(); }
    return fetch(urls.home + "offline.json", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok || response.redirected) throw new Error("not signed in");
      return response.json();
    }).then(function (manifest) {
      return caches.open("fv-runner-v1").then(function (cache) {
        var done = 0;
        return Promise.all(manifest.urls.map(function (url) {
          return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
            if (!response.ok || response.redirected) throw new Error(url);
            return cache.put(url, response).then(function () {
              done += 1;
              say("Getting the survey ready to use without internet… " + done + " of " + manifest.urls.length);
            });
          });
        })).then(function () { return manifest.urls.length; });
      });
    }).then(function (count) {
      return window.FVStore.setMeta("cached-" + versionId, new Date().toISOString()).then(function () {
        if (status) status.className = "fv-status fv-status--done";
        say("Ready to use without internet. " + count + " pages, pictures and sounds are saved on this tablet.");
      });
    }, function () {
      return window.FVStore.getMeta("cached-" + versionId).then(function (when) {
        if (status) status.className = "fv-status" + (when ? "" : " fv-status--problem");
        say(when ? "No internet now. The copy saved on this tablet will be used."
                 : "Could not save the survey for use without internet. Check the connection and open this page again.");
      });
    });
  }

  /* ---- pages ---- */

  function readAnswer(form, kind) {
    if (kind === "free_text") return { value: form.elements.answer.value.trim() };
    if (kind === "number") {
      var raw = form.elements.answer.value.trim().replace(/,/g, "");
      if (!raw) return { value: null };
      var number = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !isFinite(number)) return { error: "Enter a number, like 3" };
      return { value: number };
    }
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=answer]"));
    var picked = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    if (kind === "multiple_choice") return { value: picked.length ? picked : null };
    return { value: picked[0] || null };
  }

  function fillAnswer(form, kind, value) {
    if (value === undefined || value === null) return;
    if (kind === "free_text" || kind === "number") { form.elements.answer.value = String(value); return; }
    var values = Array.isArray(value) ? value : [value];
    form.querySelectorAll("input[name=answer]").forEach(function (input) {
      input.checked = values.indexOf(input.value) !== -1;
    });
  }

  function describedBy(element, id, on) {
    var ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) element.setAttribute("aria-describedby", ids.join(" ")); else element.removeAttribute("aria-describedby");
  }

  function showError(form, message) {
    var error = form.querySelector("[data-error]");
    var group = form.querySelector(".govuk-form-group");
    var described = form.querySelector("fieldset") || form.querySelector("input, textarea");
    describedBy(described, error.id, !!message);
    if (!message) { error.hidden = true; error.textContent = ""; group.classList.remove("govuk-form-group--error"); return; }
    error.innerHTML = "";
    var prefix = document.createElement("span");
    prefix.className = "govuk-visually-hidden";
    prefix.textContent = "Error: ";
    error.appendChild(prefix);
    error.appendChild(document.createTextNode(message));
    error.hidden = false;
    group.classList.add("govuk-form-group--error");
    var field = form.querySelector("input, textarea");
    if (field) field.focus();
  }

  function questionPage() {
    var form = document.querySelector("form.fv-question");
    var questionId = form.dataset.questionId;
    var kind = form.dataset.kind;
    var position = Number(main.dataset.position);
    var back = document.querySelector("[data-back]");
    var draft;

    function save() {
      var answer = readAnswer(form, kind);
      if (answer.error) return Promise.resolve(draft);
      return store.saveAnswer(draft.uuid, questionId, answer.value).then(function (saved) {
        if (saved) draft = saved;
        main.dataset.saved = String(Number(main.dataset.saved || 0) + 1);  // tests wait on this
        return draft;
      });
    }

    // "Don't know" and "Prefer not to say" cannot be ticked with other choices.
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (kind === "multiple_choice" && target.checked) {
        var exclusive = SPECIAL.indexOf(target.value) !== -1;
        form.querySelectorAll("input[name=answer]").forEach(function (input) {
          if (input !== target && (exclusive || SPECIAL.indexOf(input.value) !== -1)) input.checked = false;
        });
      }
      save();
    });
    var typing;
    form.addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(save, 250); });

    return store.currentDraft(versionId).then(function (found) {
      if (!found && !preview) { go(urls.start, true); return null; }
      return found || store.newDraft(versionId);
    }).then(function (found) {
      if (!found) return;
      draft = found;
      fillAnswer(form, kind, draft.answers[questionId]);
      back.href = previousUrl(position, draft.answers);
      back.addEventListener("click", function (event) {
        event.preventDefault();
        clearTimeout(typing);
        save().then(function () { go(previousUrl(position, draft.answers)); });
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(typing);
        var answer = readAnswer(form, kind);
        if (answer.error) { showError(form, answer.error); return; }
        showError(form, null);
        save().then(function () { go(nextUrl(position, draft.answers)); });
      });
      document.querySelectorAll("[data-stop-link]").forEach(function (link) {
        link.addEventListener("click", function () { save(); });
      });
    });
  }

  function payloadFor(draft, completed, extra) {
    var shown = shownIds(draft.answers);
    var answers = flow.filter(function (step) {
      return shown[step.id] && draft.answers[step.id] !== undefined;
    }).map(function (step) { return { question_id: step.id, value: draft.answers[step.id] }; });
    return {
      uuid: draft.uuid, survey_version_id: versionId, completed: completed,
      read_aloud: !!extra.readAloud, member_id: extra.memberId || null,
      started_at: draft.startedAt, finished_at: new Date().toISOString(), answers: answers
    };
  }

  function startPage() {
    var button = document.querySelector("[data-take-part]");
    button.addEventListener("click", function () {
      button.disabled = true;
      store.getMeta("kiosk").then(function (kiosk) {
        if (kiosk && document.documentElement.requestFullscreen && !document.fullscreenElement) {
          document.documentElement.requestFullscreen().catch(function () {});
        }
        return store.newDraft(versionId);
      }).then(function (draft) { go(nextUrl(0, draft.answers)); });
    });
  }

  function endPage() {
    var form = document.querySelector("[data-finish]");
    return store.currentDraft(versionId).then(function (draft) {
      if (!draft) { if (!preview) go(urls.start, true); return; }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var member = form.elements.member_id.value;
        if (preview) { store.deleteDraft().then(function () { go(urls.start + "?finished=1", true); }); return; }
        var payload = payloadFor(draft, true, { readAloud: form.elements.read_aloud.checked,
                                                memberId: member ? Number(member) : null });
        window.FVStore.queueDraft(draft.uuid, payload).then(function () { go(urls.done, true); });
      });
    });
  }

  function stopPage() {
    var form = document.querySelector("[data-stop-form]");
    var resume = document.querySelector("[data-resume]");
    var from = document.referrer;
    if (from && from.indexOf(window.location.origin + urls.question) === 0) resume.href = from;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var choice = form.querySelector("input[name=keep]:checked");
      if (!choice) { showError(form, "Choose keep or delete"); return; }
      var keep = choice.value === "1";
      store.currentDraft(versionId).then(function (draft) {
        if (!draft || preview) return store.deleteDraft(draft ? draft.uuid : null).then(function () { return false; });
        if (keep && Object.keys(draft.answers).length) {
          return window.FVStore.queueDraft(draft.uuid, payloadFor(draft, false, {})).then(function () { return true; });
        }
        return window.FVStore.deleteDraft(draft.uuid).then(function () { return false; });
      }).then(function (kept) { go(urls.stopped + (kept ? "?kept=1" : "?kept=0"), true); });
    });
  }

  function stoppedPage() {
    var query = window.location.search;
    var which = /declined=1/.test(query) ? "declined" : /kept=1/.test(query) ? "kept" : /kept=0/.test(query) ? "deleted" : null;
    if (which) document.querySelector("[data-stopped-" + which + "]").hidden = false;
  }

  function restartLinks() {
    document.querySelectorAll("[data-restart]").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); go(link.href, true); });
    });
  }

  function donePage() {
    store.getMeta("kiosk").then(function (kiosk) {
      if (kiosk) setTimeout(function () { go(urls.start, true); }, 20000);
    });
  }

  function homePage() {
    var deviceStatus = document.querySelector("[data-device-status]");
    var deviceForm = document.querySelector("[data-device-form]");
    var kiosk = document.querySelector("[data-kiosk]");

    function showDevice(device) {
      deviceForm.hidden = !!device;
      deviceStatus.className = "fv-status" + (device ? " fv-status--done" : "");
      deviceStatus.textContent = device
        ? "This tablet is set up as ‘" + device.name + "’ and can send responses."
        : "This tablet is not set up yet. Name it to let it send responses.";
    }
    window.FVStore.getMeta("device").then(showDevice);
    deviceForm.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch("/run/devices", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": deviceForm.elements.csrf_token.value },
        body: JSON.stringify({ name: deviceForm.elements.name.value })
      }).then(function (response) {
        if (response.status !== 201 || response.redirected) throw new Error("refused");
        return response.json();
      }).then(function (device) {
        return window.FVStore.setMeta("device", device).then(function () { showDevice(device); sendNow(true); });
      }).catch(function () {
        deviceStatus.className = "fv-status fv-status--problem";
        deviceStatus.textContent = "Could not set up this tablet. Check the internet connection and that you are signed in.";
      });
    });
    window.FVStore.getMeta("kiosk").then(function (on) { kiosk.checked = !!on; });
    kiosk.addEventListener("change", function () { window.FVStore.setMeta("kiosk", kiosk.checked || null); });
    registerWorker().then(function () {
      return "serviceWorker" in navigator ? navigator.serviceWorker.ready : null;
    }).then(function () { return keepForOffline(document.querySelector("[data-offline-status]")); });
    listUnfinished();
  }

  function listUnfinished() {
    var list = document.querySelector("[data-unfinished]");
    if (!list) return;
    window.FVStore.unfinished().then(function (drafts) {
      drafts = drafts.filter(function (d) { return d.versionId === versionId; });
      list.hidden = !drafts.length;
      var items = list.querySelector("ul");
      items.innerHTML = "";
      drafts.forEach(function (draft) {
        var li = document.createElement("li");
        var when = new Date(draft.savedAt || draft.startedAt);
        li.appendChild(document.createTextNode("Started " + when.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) +
          ", " + plural(Object.keys(draft.answers).length, "answer", "answers") + " "));
        var carry = document.createElement("button");
        carry.type = "button";
        carry.className = "govuk-button govuk-button--secondary";
        carry.textContent = "Carry on with it";
        carry.addEventListener("click", function () {
          window.FVStore.resume(draft.uuid).then(function (d) { go(nextUrl(0, d.answers)); });
        });
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "govuk-button govuk-button--warning";
        remove.textContent = "Delete it";
        remove.addEventListener("click", function () {
          window.FVStore.deleteDraft(draft.uuid).then(listUnfinished);
        });
        li.appendChild(carry);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(remove);
        items.appendChild(li);
      });
    });
  }

  // Kiosk and back button: a page shown again from the browser's memory is checked afresh.
  window.addEventListener("pageshow", function (event) { if (event.persisted) window.location.reload(); });

  if (!preview && page !== "home") registerWorker();
  setupPlay();
  setupIdle();
  setupSync();
  restartLinks();
  Promise.resolve(({ question: questionPage, start: startPage, end: endPage, stop: stopPage,
                     stopped: stoppedPage, done: donePage, home: homePage }[page] || function () {})())
    .then(function () { main.dataset.ready = "1"; });
})();
