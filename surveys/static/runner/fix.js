/* Changing an answer the server refused (the researcher page links here with ?fix=<uuid>).
 *
 * The response stays in the tablet's outbox throughout: this page reads the refused answer
 * from it, checks the new one by the same rules as a participant's (answers.js, the server's
 * words), and puts it in place of the refused one; every other answer, the times and the
 * member stay as they were. Once every refused answer is changed the response waits to send
 * again under its own uuid: the server never stored it, so it is stored once. */
import { checkedAnswer, fillAnswer, setupCount, showError } from "./answers.js";
import { flow, go, shownIds, urls } from "./context.js";
import { researchersWords } from "./sync-status.js";

/* The server's reason for this question alone, in the researcher's words. */
function reasonFor(item, position) {
  // A store script kept from before the list was sent has no FVStore.problems.
  const problems = window.FVStore.problems ? window.FVStore.problems(item) : [item.error];
  const mine = problems.find(function (p) {
    return p.indexOf("(question " + position + ")") !== -1;
  });
  return researchersWords(mine || item.error);
}

/* The answers the skip logic shows once the refused one is changed, as the participant's own
 * pages send them (payloadFor): changing 'Have you been in prison?' to No sent the answers
 * only Yes shows too; changing it to Yes sent none of the questions Yes shows, never asked.
 * Returns: {answers, dropped: positions now hidden, added: positions shown only now}. */
function keepShown(answers, before) {
  const values = {}, old = {};
  answers.forEach(function (a) { values[a.question_id] = a.value; });
  before.forEach(function (a) { old[a.question_id] = a.value; });
  const shown = shownIds(values), shownBefore = shownIds(old);
  const positions = function (keep) {
    return flow.filter(keep).map(function (step) { return step.position; });
  };
  return {
    answers: answers.filter(function (a) { return shown[a.question_id]; }),
    dropped: positions(function (step) { return values[step.id] !== undefined && !shown[step.id]; }),
    added: positions(function (step) {
      return shown[step.id] && !shownBefore[step.id] && values[step.id] === undefined;
    })
  };
}

export function fixPage(uuid, form, kind, position, setupSkip) {
  const questionId = Number(form.dataset.questionId);
  const banner = document.querySelector("[data-fix]");
  const count = setupCount(form);
  document.querySelector("[data-back]").href = urls.home;
  // Its participant is gone: "I want to stop" is not for this page (its class shows it even hidden).
  document.querySelectorAll("[data-stop-link]").forEach(function (link) { link.remove(); });
  form.querySelector("[data-next]").textContent = "Save and send";

  const loading = window.FVStore.refusedItem(uuid).then(function (item) {
    // Sent or changed already (a second tab, the back button): nothing to change here.
    if (!item || item.state !== "failed") { go(urls.home, true); return null; }
    const answer = JSON.parse(item.body).answers.find(function (a) { return a.question_id === questionId; });
    fillAnswer(form, kind, answer ? answer.value : null);
    count();
    if ((item.ask || []).indexOf(position) !== -1) {
      // Shown only since an answer was changed: the person was never asked it.
      banner.querySelector("[data-fix-reason]").textContent =
        "This question now applies because of the answer you changed, so it was never asked.";
      banner.querySelector("[data-fix-do]").textContent =
        "Ask the person if they are still here. If not, leave it empty and the rest is sent without it.";
    } else {
      banner.querySelector("[data-fix-reason]").textContent =
        "The server did not take this answer: " + reasonFor(item, position);
    }
    banner.hidden = false;
    return item;
  });

  function save(value) {
    return loading.then(function (item) {
      if (!item) return null;
      return window.FVStore.changeRefused(uuid, questionId, position, value, keepShown).then(function (left) {
        if (left === null) {
          // Another tab changed it first (and may have sent it): going back as if this change
          // was saved too left the researcher not knowing which answer the server got.
          form.querySelector(".fv-button-row").hidden = true;
          showError(form, "This answer was changed in another tab already, so this change was " +
                    "not saved. Go back to the researcher page to see what was sent.");
          return;
        }
        if (left.length) go(urls.question + left[0] + "?fix=" + encodeURIComponent(uuid));
        else go(urls.home + "?changed=1", true);
      });
    });
  }
  const skip = setupSkip(function () { save(null); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const answer = checkedAnswer(form, kind);
    showError(form, answer.error || null);
    if (answer.error) return;
    if (answer.empty) { skip.ask(); return; }
    save(answer.value);
  });
  return loading;
}
