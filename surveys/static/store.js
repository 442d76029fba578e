/* Forum Voice tablet runner: answers, the outbox and this tablet's key, kept in IndexedDB.
 *
 * Every answer is written as it is given (durability "strict"), so a reload or a flat
 * battery loses nothing. A finished response moves from "drafts" to "outbox" in one
 * transaction, and leaves the outbox only when the server says it has it (201 or 200).
 * Plain script, no build step: window.FVStore.
 */
(function (global) {
  "use strict";

  var DB_NAME = "forum-voice-runner";
  var API = "/api/v1/responses";
  var opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = global.indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          db.createObjectStore("meta");
          db.createObjectStore("drafts", { keyPath: "uuid" });
          db.createObjectStore("outbox", { keyPath: "uuid" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { opening = null; reject(request.error); };
      });
    }
    return opening;
  }

  /* Run fn(stores) in one transaction; resolves with fn's result once it has committed. */
  function transaction(names, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(names, mode, { durability: "strict" });
        var stores = {};
        names.forEach(function (name) { stores[name] = tx.objectStore(name); });
        var result;
        Promise.resolve(fn(stores, tx)).then(function (value) { result = value; }, function (error) {
          try { tx.abort(); } catch (e) { /* already finished */ }
          reject(error);
        });
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = tx.onabort = function () { reject(tx.error || new Error("Storage failed")); };
      });
    });
  }

  function req(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function newUuid() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    var b = global.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function getMeta(key) {
    return transaction(["meta"], "readonly", function (s) { return req(s.meta.get(key)); });
  }

  function setMeta(key, value) {
    return transaction(["meta"], "readwrite", function (s) {
      return value === undefined || value === null ? req(s.meta.delete(key)) : req(s.meta.put(value, key));
    });
  }

  /* ---- the response being answered now ---- */

  function newDraft(versionId) {
    var draft = { uuid: newUuid(), versionId: versionId, startedAt: new Date().toISOString(), answers: {} };
    return transaction(["drafts", "meta"], "readwrite", function (s) {
      s.drafts.put(draft);
      s.meta.put(draft.uuid, "current");
      return draft;
    });
  }

  function currentDraft(versionId) {
    return transaction(["drafts", "meta"], "readonly", function (s) {
      return req(s.meta.get("current")).then(function (uuid) {
        return uuid ? req(s.drafts.get(uuid)) : null;
      });
    }).then(function (draft) {
      return draft && draft.versionId === versionId ? draft : null;
    });
  }

  function saveAnswer(uuid, questionId, value) {
    return transaction(["drafts"], "readwrite", function (s) {
      return req(s.drafts.get(uuid)).then(function (draft) {
        if (!draft) return null;
        if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
          delete draft.answers[questionId];
        } else {
          draft.answers[questionId] = value;
        }
        draft.savedAt = new Date().toISOString();
        s.drafts.put(draft);
        return draft;
      });
    });
  }

  /* Put the response in the outbox and forget the draft, both or neither. */
  function queueDraft(uuid, payload) {
    return transaction(["drafts", "outbox", "meta"], "readwrite", function (s) {
      s.outbox.put({ uuid: uuid, body: JSON.stringify(payload), queuedAt: new Date().toISOString(), state: "waiting" });
      s.drafts.delete(uuid);
      return req(s.meta.get("current")).then(function (current) {
        if (current === uuid) s.meta.delete("current");
      });
    });
  }

  function deleteDraft(uuid) {
    return transaction(["drafts", "meta"], "readwrite", function (s) {
      s.drafts.delete(uuid);
      return req(s.meta.get("current")).then(function (current) {
        if (current === uuid) s.meta.delete("current");
      });
    });
  }

  /* Kiosk: clear the screen without losing the answers; only the researcher page lists them. */
  function setAside() {
    return transaction(["drafts", "meta"], "readwrite", function (s) {
      return req(s.meta.get("current")).then(function (uuid) {
        if (!uuid) return;
        s.meta.delete("current");
        return req(s.drafts.get(uuid)).then(function (draft) {
          if (!draft) return;
          if (!Object.keys(draft.answers).length) { s.drafts.delete(uuid); return; }
          draft.setAsideAt = new Date().toISOString();
          s.drafts.put(draft);
        });
      });
    });
  }

  function unfinished() {
    return transaction(["drafts", "meta"], "readonly", function (s) {
      return Promise.all([req(s.drafts.getAll()), req(s.meta.get("current"))]);
    }).then(function (r) {
      return r[0].filter(function (d) { return d.uuid !== r[1] || d.setAsideAt; });
    });
  }

  function resume(uuid) {
    return transaction(["drafts", "meta"], "readwrite", function (s) {
      return req(s.drafts.get(uuid)).then(function (draft) {
        if (!draft) return null;
        delete draft.setAsideAt;
        s.drafts.put(draft);
        s.meta.put(uuid, "current");
        return draft;
      });
    });
  }

  /* ---- the outbox ---- */

  function outbox() {
    return transaction(["outbox"], "readonly", function (s) { return req(s.outbox.getAll()); });
  }

  function summary() {
    return outbox().then(function (items) {
      var failed = items.filter(function (i) { return i.state === "failed"; });
      failed.sort(function (a, b) { return a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0; });
      return { waiting: items.length - failed.length, failed: failed.length,
               errors: failed.map(function (i) { return i.error; }),
               refused: failed.map(function (i) {
                 return { uuid: i.uuid, error: i.error, versionId: JSON.parse(i.body).survey_version_id,
                          questions: toChange(i), times: timesOnly(i) };
               }) };
    });
  }

  /* ---- a response the server refused: change the answers it refused, then send it again ----
   * The server names each answer it refuses, "answers[7].value (question 8) is 1.5. ...". The
   * response stays in the outbox all along, under its own uuid (never stored, so never
   * doubled); only the refused answer changes, and it is sent again once all are changed. */
  var REFUSED_ANSWER = /answers\[\d+\]\.value \(question (\d+)\)/g;

  function toChange(item) {
    var positions = [], match;
    REFUSED_ANSWER.lastIndex = 0;
    while ((match = REFUSED_ANSWER.exec(item.error || "")) !== null) {
      var position = Number(match[1]);
      if (positions.indexOf(position) === -1 && (item.changed || []).indexOf(position) === -1) positions.push(position);
    }
    return positions;
  }

  /* Refused for its start and finish times alone ("started_at is not a believable date"):
   * the tablet's clock was wrong (it resets with a flat battery), the answers are fine. Both
   * times may be left out, so it can be sent without them (sendWithoutTimes). */
  var TIME_PROBLEM = /^(started_at|finished_at) /;

  function timesOnly(item) {
    var problems = String(item.error || "").replace(/^The response was not stored: /, "").split("; ");
    return problems.every(function (p) { return TIME_PROBLEM.test(p); });
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
        s.outbox.put(item);
        return true;
      });
    });
  }

  function refusedItem(uuid) {
    return transaction(["outbox"], "readonly", function (s) { return req(s.outbox.get(uuid)); });
  }

  /* Put the changed answer in place of the refused one (none: the rest is sent without it).
   * prune(answers) returns {answers, dropped}: the answers the skip logic still shows, and
   * the positions of those it now hides (never sent, nor to change).
   * Resolves with the positions still to change, or null if the response is not refused. */
  function changeRefused(uuid, questionId, position, value, prune) {
    return transaction(["outbox"], "readwrite", function (s) {
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item || item.state !== "failed") return null;
        var body = JSON.parse(item.body);
        var empty = value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length);
        var answers = body.answers.filter(function (a) { return a.question_id !== questionId; });
        if (!empty) answers.push({ question_id: questionId, value: value });
        var kept = prune ? prune(answers) : { answers: answers, dropped: [] };
        body.answers = kept.answers;
        item.body = JSON.stringify(body);
        item.changed = (item.changed || []).concat([position], kept.dropped);
        item.changedAt = new Date().toISOString();
        var left = toChange(item);
        if (!left.length) { item.state = "waiting"; delete item.error; delete item.changed; }
        s.outbox.put(item);
        return left;
      });
    });
  }

  function withLock(fn) {
    if (global.navigator && global.navigator.locks) return global.navigator.locks.request("fv-send", fn);
    return fn();
  }

  /* Send every waiting response once. Resolves with {result, sent}; result is "sent",
   * "offline", "unauthorised", "no-device" or "server" (try again later). */
  function sendAll(options) {
    var retryFailed = options && options.retryFailed;
    return withLock(function () {
      return Promise.all([getMeta("device"), outbox()]).then(function (r) {
        var device = r[0], items = r[1], sent = 0;
        if (!items.length) return { result: "sent", sent: 0 };
        if (!device || !device.token) return { result: "no-device", sent: 0 };
        var todo = items.filter(function (i) { return i.state !== "failed" || retryFailed; });
        todo.sort(function (a, b) { return a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0; });
        function next(index) {
          if (index >= todo.length) return { result: "sent", sent: sent };
          var item = todo[index];
          return global.fetch(API, {
            method: "POST", body: item.body, credentials: "omit", cache: "no-store",
            headers: { "Content-Type": "application/json", "Authorization": "Bearer " + device.token }
          }).then(function (response) {
            if (response.status === 201 || response.status === 200) {
              sent += 1;
              return transaction(["outbox"], "readwrite", function (s) { s.outbox.delete(item.uuid); })
                .then(function () { return next(index + 1); });
            }
            if (response.status === 401) return { result: "unauthorised", sent: sent };
            if (response.status === 409 || response.status === 422 || response.status === 413) {
              return response.json().catch(function () { return {}; }).then(function (body) {
                item.state = "failed";
                item.error = body.error || ("The server refused it (" + response.status + ")");
                delete item.changed;  // the new reason names what is still to change
                return transaction(["outbox"], "readwrite", function (s) { s.outbox.put(item); });
              }).then(function () { return next(index + 1); });
            }
            return { result: "server", sent: sent };
          }, function () {
            return { result: "offline", sent: sent };
          });
        }
        return next(0);
      });
    });
  }

  global.FVStore = {
    newUuid: newUuid, getMeta: getMeta, setMeta: setMeta,
    newDraft: newDraft, currentDraft: currentDraft, saveAnswer: saveAnswer, queueDraft: queueDraft,
    deleteDraft: deleteDraft, setAside: setAside, unfinished: unfinished, resume: resume,
    outbox: outbox, summary: summary, sendAll: sendAll,
    refusedItem: refusedItem, changeRefused: changeRefused, sendWithoutTimes: sendWithoutTimes
  };
})(self);
