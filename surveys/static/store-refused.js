/* Forum Voice tablet runner: a response the server refused (still in the outbox, "failed").
 *
 * The server names each answer it refuses, "answers[7].value (question 8) is not a whole
 * number. ...", never the answer itself. The response stays in the outbox all along, under
 * its own uuid (never stored, so never
 * doubled); only the refused answer changes, and it is sent again once all are changed. A
 * refusal no answer can put right (a different response already has its id, a survey version
 * the server lacks) stays until the researcher saves a copy for staff, or deletes it once
 * asked. Needs store.js and store-outbox.js.
 */
(function (global) {
  "use strict";

  var store = global.FVStore;
  var transaction = store.internal.transaction, req = store.internal.req;
  var REFUSED_ANSWER = /^answers\[\d+\]\.value \(question (\d+)\)/;

  /* The server's reasons, one each: the list it sends, or (kept before it sent one) its
   * words split where it joined them, which a choice's label holding "; " split wrongly. */
  function problems(item) {
    if (Array.isArray(item.problems)) return item.problems;
    return String(item.error || "").replace(/^The response was not stored: /, "").split("; ");
  }

  /* The positions still to answer: each the server refused, and each the skip logic shows
   * only since an answer was changed (item.ask), less those changed already. */
  function toChange(item) {
    var positions = [], done = item.changed || [];
    problems(item).forEach(function (problem) {
      var match = REFUSED_ANSWER.exec(problem);
      if (match) positions.push(Number(match[1]));
    });
    return positions.concat(item.ask || []).filter(function (position, index, all) {
      return all.indexOf(position) === index && done.indexOf(position) === -1;
    }).sort(function (a, b) { return a - b; });
  }

  /* Refused for its start and finish times alone ("started_at is not a believable date"):
   * the tablet's clock was wrong (it resets with a flat battery), the answers are fine. Both
   * times may be left out, so it can be sent without them (sendWithoutTimes). */
  var TIME_PROBLEM = /^(started_at|finished_at) /;

  function timesOnly(item) {
    return problems(item).every(function (p) { return TIME_PROBLEM.test(p); });
  }

  /* What the pages show of a refused response. */
  function describeRefused(item) {
    return { uuid: item.uuid, error: item.error, status: item.status,
             versionId: JSON.parse(item.body).survey_version_id,
             questions: toChange(item), asking: item.ask || [], times: timesOnly(item) };
  }

  /* Send a response refused for its times again without them, every answer as it was. */
  function sendWithoutTimes(uuid) {
    return transaction(["outbox"], "readwrite", function (s) {
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item || item.state !== "failed" || !timesOnly(item)) return false;
        var body = JSON.parse(item.body);
        delete body.started_at;
        delete body.finished_at;
        item.body = JSON.stringify(body);
        item.state = "waiting";
        delete item.error;
        delete item.problems;
        s.outbox.put(item);
        return true;
      });
    });
  }

  function refusedItem(uuid) {
    return transaction(["outbox"], "readonly", function (s) { return req(s.outbox.get(uuid)); });
  }

  /* Put the changed answer in place of the refused one (none: the rest is sent without it).
   * prune(answers, before) returns {answers, dropped, added}: the answers the skip logic still
   * shows, the positions of those it now hides (never sent, nor to change) and of those it
   * shows only now (to ask). Resolves with the positions still to answer, or null if the
   * response is not refused. */
  function changeRefused(uuid, questionId, position, value, prune) {
    return transaction(["outbox"], "readwrite", function (s) {
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item || item.state !== "failed") return null;
        var body = JSON.parse(item.body);
        var empty = value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
        var answers = body.answers.filter(function (a) { return a.question_id !== questionId; });
        if (!empty) answers.push({ question_id: questionId, value: value });
        var kept = prune ? prune(answers, body.answers) : { answers: answers, dropped: [], added: [] };
        body.answers = kept.answers;
        item.body = JSON.stringify(body);
        item.changed = (item.changed || []).concat([position], kept.dropped);
        item.ask = (item.ask || []).concat(kept.added || []);
        item.changedAt = new Date().toISOString();
        var left = toChange(item);
        if (!left.length) {
          item.state = "waiting";
          ["error", "problems", "changed", "ask"].forEach(function (key) { delete item[key]; });
        }
        s.outbox.put(item);
        return left;
      });
    });
  }

  /* Delete a refused response from the tablet; the page asks first. Resolves true if it was. */
  function discardRefused(uuid) {
    return transaction(["outbox"], "readwrite", function (s) {
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item || item.state !== "failed") return false;
        s.outbox.delete(uuid);
        return true;
      });
    });
  }

  store.problems = problems;
  store.describeRefused = describeRefused;
  store.refusedItem = refusedItem;
  store.changeRefused = changeRefused;
  store.sendWithoutTimes = sendWithoutTimes;
  store.discardRefused = discardRefused;
})(self);
