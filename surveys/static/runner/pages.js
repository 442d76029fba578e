/* The participant's pages: start, one question per page, the end, stopping. */
import {
  checkedAnswer, fillAnswer, overLimit, readAnswer, setupCount, showError
} from "./answers.js";
import {
  flow, go, main, nextUrl, preview, previousUrl, shownIds, store, urls, versionId
} from "./context.js";
import { sayWhatIsShown } from "./read-aloud.js";

const SPECIAL = ["dont_know", "prefer_not"];

/* The refused response a researcher opened this question to change (?fix=<uuid>), or null. */
function fixingUuid() {
  const match = /(?:^|&)fix=([0-9a-fA-F-]{36})(?:&|$)/.exec(window.location.search.slice(1));
  return match ? match[1] : null;
}

/* "Yes, I want to take part" is a link to the first question (with start=1), so a tap before
 * this script is ready still starts; here it also goes full screen in kiosk mode, which only
 * a tap's own handler may do. */
export function startPage() {
  const button = document.querySelector("[data-take-part]");
  let started = false;
  button.addEventListener("click", function (event) {
    event.preventDefault();
    if (started) return;
    started = true;
    store.getMeta("kiosk").then(function (kiosk) {
      if (kiosk && document.documentElement.requestFullscreen && !document.fullscreenElement) {
        document.documentElement.requestFullscreen().catch(function () {});
      }
      return store.newDraft(versionId);
    }).then(function (draft) { go(nextUrl(0, draft.answers)); });
  });
  // A link styled as a button answers the Space key as a button does.
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); button.click(); }
  });
}

/* Arrived by the start link before its script was ready: begin a new participant's answers
 * (never the last person's), then drop "start=1" so going back here does not begin again. */
function beginOrContinue() {
  if (!/(^|[?&])start=1(&|$)/.test(window.location.search.slice(1))) {
    return store.currentDraft(versionId);
  }
  return store.newDraft(versionId).then(function (draft) {
    window.history.replaceState(window.history.state, "", window.location.pathname);
    return draft;
  });
}

/* Every handler is attached at once and waits for the saved draft itself: a tap before
 * IndexedDB answers must never fall through to the browser's own form submit (which would
 * put the answer in the address). */
export function questionPage() {
  const form = document.querySelector("form.fv-question");
  const questionId = form.dataset.questionId;
  const kind = form.dataset.kind;
  const position = Number(main.dataset.position);
  const back = document.querySelector("[data-back]");
  // A researcher changing an answer the server refused: the outbox, never a draft, is changed.
  // fix.js is loaded only then: the participant's pages never need it.
  const fixing = preview ? null : fixingUuid();
  if (fixing) {
    return import("./fix.js").then(function (fix) {
      return fix.fixPage(fixing, form, kind, position, setupSkip);
    });
  }
  let draft, typing, touched = false;
  const count = setupCount(form);

  const loading = beginOrContinue().then(function (found) {
    if (!found && !preview) { go(urls.start, true); return null; }
    return found || store.newDraft(versionId);
  }).then(function (found) {
    if (!found) return null;
    draft = found;
    if (!touched) { fillAnswer(form, kind, draft.answers[questionId]); count(); }
    back.href = previousUrl(position, draft.answers);
    return draft;
  });

  function save() {
    return loading.then(function (found) {
      const answer = readAnswer(form, kind);
      if (!found || answer.error) return found && draft;
      return store.saveAnswer(draft.uuid, questionId, answer.value).then(function (saved) {
        if (saved) draft = saved;
        main.dataset.saved = String(Number(main.dataset.saved || 0) + 1);  // tests wait on this
        return draft;
      });
    });
  }

  // "Don't know" and "Prefer not to say" cannot be ticked with other choices.
  form.addEventListener("change", function (event) {
    const target = event.target;
    touched = true;
    if (kind === "multiple_choice" && target.checked) {
      const exclusive = SPECIAL.indexOf(target.value) !== -1;
      form.querySelectorAll("input[name=answer]").forEach(function (input) {
        if (input !== target && (exclusive || SPECIAL.indexOf(input.value) !== -1)) input.checked = false;
      });
    }
    save();
  });
  form.addEventListener("input", function () {
    touched = true;
    clearTimeout(typing);
    typing = setTimeout(save, 250);
  });
  back.addEventListener("click", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    save().then(function (saved) { if (saved) go(previousUrl(position, saved.answers)); });
  });
  function next() {
    save().then(function (saved) { if (saved) go(nextUrl(position, saved.answers)); });
  }
  const skip = setupSkip(next);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    const answer = checkedAnswer(form, kind);
    showError(form, answer.error || null);
    if (answer.error) return;
    if (answer.empty) { skip.ask(); return; }
    next();
  });
  document.querySelectorAll("[data-stop-link]").forEach(function (link) {
    link.addEventListener("click", function () { save(); });
  });
  return loading;
}

/* "Next" with no answer: ask "Skip this question?" with two big buttons, never skip silently
 * (skip rules may hide the next few questions too). */
function setupSkip(next) {
  const dialog = document.querySelector("[data-skip]");
  const form = document.querySelector("form.fv-question");
  const buttons = form.querySelector(".fv-button-row");
  function close() { dialog.hidden = true; buttons.hidden = false; }
  // Picking or typing an answer after all puts "Next" back.
  form.addEventListener("change", close);
  form.addEventListener("input", close);
  dialog.querySelector("[data-skip-yes]").addEventListener("click", function () { close(); next(); });
  dialog.querySelector("[data-skip-no]").addEventListener("click", function () {
    close();
    const field = form.querySelector("input, textarea");
    if (field) field.focus();
  });
  return {
    ask: function () {
      buttons.hidden = true;
      dialog.hidden = false;
      // The whole box, buttons too: focusing the title alone left them below the fold in
      // landscape, and a participant who does not read well would not know to scroll.
      dialog.querySelector("[data-skip-title]").focus({ preventScroll: true });
      dialog.scrollIntoView({ block: "nearest" });
    }
  };
}

/* What the server receives: only answers to questions the skip logic showed. */
function payloadFor(draft, completed, extra) {
  const shown = shownIds(draft.answers);
  const answers = flow.filter(function (step) {
    return shown[step.id] && draft.answers[step.id] !== undefined;
  }).map(function (step) { return { question_id: step.id, value: draft.answers[step.id] }; });
  return {
    uuid: draft.uuid, survey_version_id: versionId, completed: completed,
    read_aloud: !!extra.readAloud, member_id: null, member_ref: extra.memberRef || null,
    started_at: draft.startedAt, finished_at: new Date().toISOString(), answers: answers
  };
}

export function endPage() {
  const form = document.querySelector("[data-finish]");
  const loading = store.currentDraft(versionId).then(function (draft) {
    if (!draft && !preview) go(urls.start, true);
    if (draft) document.querySelector("[data-back]").href = previousUrl(Infinity, draft.answers);
    return draft;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    loading.then(function (draft) {
      if (!draft) return;
      const member = form.elements.member_ref.value.trim();
      if (showTooLong(form, draft)) return;
      if (preview) { store.deleteDraft().then(function () { go(urls.start + "?finished=1", true); }); return; }
      const payload = payloadFor(draft, true, { readAloud: form.elements.read_aloud.checked,
                                                memberRef: member || null });
      window.FVStore.queueDraft(draft.uuid, payload).then(function () { go(urls.done, true); });
    });
  });
  return loading;
}

/* An answer over the server's limit (kept while the limit was higher, say): the server refuses
 * the whole response, so "Save and finish" queued one that could never send. The error summary
 * says so, linked to the question, focused and scrolled to the top of the screen: below it,
 * "Save and finish" is still on the screen, upright too. Returns whether there is one. */
function showTooLong(form, draft) {
  const max = Number(form.dataset.textMax);
  const summary = form.querySelector("[data-end-error]");
  const step = flow.find(function (s) {
    return shownIds(draft.answers)[s.id] && overLimit(draft.answers[s.id], max);
  });
  summary.hidden = !step;
  if (!step) return false;
  if (!/^Error: /.test(document.title)) document.title = "Error: " + document.title;
  summary.querySelector("[data-end-error-link]").href = urls.question + step.position;
  summary.focus({ preventScroll: true });
  summary.scrollIntoView({ block: "start" });
  return true;
}

export function stopPage() {
  const form = document.querySelector("[data-stop-form]");
  const resume = document.querySelector("[data-resume]");
  const from = document.referrer;
  if (from && from.indexOf(window.location.origin + urls.question) === 0) resume.href = from;
  let nothingGiven = false;
  // Stopping on question 1 asked "What shall we do with the answers you gave?" of none.
  // The choice and Play wait for the answer (stop.html): shown at once, they changed under
  // a finger. The page is ready once they are shown.
  const checked = store.currentDraft(versionId).then(function (draft) {
    nothingGiven = !draft || !Object.keys(draft.answers).length;
    form.querySelector("[data-stop-choice]").hidden = nothingGiven;
    form.querySelector("[data-stop-ask]").hidden = nothingGiven;
    form.querySelector("[data-stop-none]").hidden = !nothingGiven;
    sayWhatIsShown(nothingGiven);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // Tapped before the page had looked (a page without hold-submit.js's hold), it said
    // "Choose keep or delete" with no choice shown: the answer waits for the look.
    checked.then(function () { stop(); });
  });
  function stop() {
    const choice = form.querySelector("input[name=keep]:checked");
    if (!choice && !nothingGiven) { showError(form, "Choose keep or delete"); return; }
    const keep = !nothingGiven && choice.value === "1";
    store.currentDraft(versionId).then(function (draft) {
      const max = Number(form.dataset.textMax);
      if (keep && draft && Object.values(draft.answers).some(function (v) { return overLimit(v, max); })) {
        // The server refuses the whole response, so it would wait on the tablet for ever.
        showError(form, "One answer is too long to send. Go back to the questions to make " +
                  "it shorter, or delete your answers.");
        return null;
      }
      if (!draft || preview) return store.deleteDraft(draft ? draft.uuid : null).then(function () { return false; });
      if (keep && Object.keys(draft.answers).length) {
        return window.FVStore.queueDraft(draft.uuid, payloadFor(draft, false, {})).then(function () { return true; });
      }
      return window.FVStore.deleteDraft(draft.uuid).then(function () { return false; });
    }).then(function (kept) {
      if (kept !== null) go(urls.stopped + (nothingGiven ? "?none=1" : kept ? "?kept=1" : "?kept=0"), true);
    });
  }
  return checked;
}

export function stoppedPage() {
  const query = window.location.search;
  const which = /declined=1/.test(query) ? "declined" : /none=1/.test(query) ? "none"
    : /kept=1/.test(query) ? "kept" : /kept=0/.test(query) ? "deleted" : null;
  if (which) document.querySelector("[data-stopped-" + which + "]").hidden = false;
}
