/* Forum Voice tablet runner: answers, the outbox and this tablet's key, kept in IndexedDB.
 *
 * Every answer is written as it is given (durability "strict"), so a reload or a flat
 * battery loses nothing. A finished response moves from "drafts" to "outbox" in one
 * transaction, and leaves the outbox only when the server says it has it (201 or 200).
 * Plain scripts, no build step, each adding to window.FVStore, loaded in this order:
 *
 *   store.js          the database, this tablet's settings, the response being answered
 *   store-outbox.js   finished responses waiting to send, and sending them
 *   store-refused.js  responses the server refused: change, send again, copy or delete
 */
(function (global) {
  "use strict";

  var DB_NAME = "forum-voice-runner";
  var API = "/api/v1/responses";
  var opening = null;

  /* A browser that has this database says so where a staff page can read it at once: their
   * header's "Sign out" (staff-sign-out.js) reads the queue only here, and elsewhere signs
   * out as it always did, without waiting for anything. */
  var HERE_KEY = "fv-runner-db";
  function markThisBrowser() {
    try {
      if (global.localStorage && !global.localStorage.getItem(HERE_KEY)) global.localStorage.setItem(HERE_KEY, "1");
    } catch (e) { /* storage refused: staff pages sign out without a word, as before */ }
  }

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
        request.onsuccess = function () { markThisBrowser(); resolve(request.result); };
        request.onerror = function () { opening = null; reject(request.error); };
      });
    }
    return opening;
  }

  /* Other tabs and pages are told when the outbox changed (IndexedDB tells nobody), so their
   * count and "Send now" follow a response queued there (sync-status.js listens). */
  var CHANNEL = "fv-outbox";
  var channel = null;
  var thisPage = String(Math.random());  // a page's own changes: it counts after them itself

  function outboxChanged() {
    try {
      if (global.BroadcastChannel) {
        channel = channel || new global.BroadcastChannel(CHANNEL);
        channel.postMessage(thisPage);
      } else if (global.localStorage) {
        global.localStorage.setItem(CHANNEL, String(Date.now()) + Math.random());
      }
    } catch (e) { /* a page that cannot be told counts again when it opens, as before */ }
  }

  /* fn() whenever another tab or page changed the outbox. */
  function onOutboxChange(fn) {
    if (global.BroadcastChannel) {
      new global.BroadcastChannel(CHANNEL).onmessage = function (event) {
        if (event.data !== thisPage) fn();
      };
    } else if (global.addEventListener) {
      global.addEventListener("storage", function (event) { if (event.key === CHANNEL) fn(); });
    }
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
        tx.oncomplete = function () {
          if (mode === "readwrite" && names.indexOf("outbox") !== -1) outboxChanged();
          resolve(result);
        };
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

  /* The other store files use these (FVStore.internal), never the pages. */
  global.FVStore = {
    newUuid: newUuid, getMeta: getMeta, setMeta: setMeta,
    newDraft: newDraft, currentDraft: currentDraft, saveAnswer: saveAnswer, queueDraft: queueDraft,
    deleteDraft: deleteDraft, setAside: setAside, unfinished: unfinished, resume: resume,
    onOutboxChange: onOutboxChange,
    internal: { transaction: transaction, req: req }
  };
})(self);
