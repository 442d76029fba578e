/* Forum Voice tablet runner: finished responses waiting to send (the "outbox"), and sending
 * them. A response leaves the outbox only when the server says it has it (201 or 200); one it
 * refuses stays, marked "failed", with the server's reason (store-refused.js). Needs store.js.
 */
(function (global) {
  "use strict";

  var API = "/api/v1/responses";
  var store = global.FVStore;
  var transaction = store.internal.transaction, req = store.internal.req;

  function byQueued(a, b) { return a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0; }

  function outbox() {
    return transaction(["outbox"], "readonly", function (s) { return req(s.outbox.getAll()); });
  }

  /* The bodies of a response sent with no answer heard (the page was left while "Send now"
   * ran, the connection dropped): the server may hold any of them, so the response is not
   * shown refused until they are asked about again. */
  function unsure(item) { return item.unsure || []; }

  /* A refused response sent again unheard counts as waiting to send, but stays in the list of
   * refused ones (rechecking): offline, its change links were hidden until it could be sent.
   * sentAny: this tablet has sent a response (a fresh one said "All responses have been
   * sent." when none had ever been taken). */
  function summary() {
    return Promise.all([outbox(), store.getMeta("sent-any")]).then(function (r) {
      var items = r[0];
      var refused = items.filter(function (i) { return i.state === "failed"; });
      refused.sort(byQueued);
      var overtaken = refused.filter(function (i) { return i.overtaken; });
      var failed = refused.filter(function (i) { return !unsure(i).length && !i.overtaken; });
      return { waiting: items.length - failed.length - overtaken.length, failed: failed.length,
               overtaken: overtaken.length, sentAny: !!r[1],
               errors: failed.map(function (i) { return i.error; }),
               refused: refused.map(function (i) {
                 return Object.assign(store.describeRefused(i), { rechecking: unsure(i).length > 0,
                                                                 overtaken: !!i.overtaken });
               }) };
    });
  }

  function withLock(fn) {
    if (global.navigator && global.navigator.locks) return global.navigator.locks.request("fv-send", fn);
    return fn();
  }

  /* The summary once a send under way has ended. While a refused response is sent again it
   * counts as waiting, so "Sign out" tapped in that instant signed out with no word that it
   * was still on the tablet (and refused again a moment later). */
  function settledSummary() {
    // A send with no answer at all (a connection that hangs) kept "Sign out" waiting for
    // ever: after a few seconds count what is there, a refused response being sent again
    // still refused as far as anyone knows. The wait ends with the count: started always,
    // a quick sign-out read the outbox once more 3 s later for nothing.
    var timer;
    var late = new Promise(function (resolve) { timer = setTimeout(resolve, SETTLE_WAIT_MS); })
      .then(summary).then(function (s) {
        var resending = s.refused.filter(function (r) { return r.rechecking && !r.overtaken; }).length;
        return Object.assign({}, s, { failed: s.failed + resending, waiting: s.waiting - resending });
      });
    var done = function () { clearTimeout(timer); };
    var settled = Promise.race([withLock(function () { return summary(); }), late]);
    settled.then(done, done);
    return settled;
  }

  /* Change the response as it is now (another page may have changed it while it was sent):
   * fn(item) returns false to delete it. */
  function update(uuid, fn) {
    return transaction(["outbox"], "readwrite", function (s) {
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item) return;
        var outcome = fn(item);
        if (outcome === false) s.outbox.delete(uuid);
        else s.outbox.put(item);
        return outcome;
      });
    });
  }

  /* The response as it is now: another tab may have changed or deleted it since it was read. */
  function current(uuid) {
    return transaction(["outbox"], "readonly", function (s) { return req(s.outbox.get(uuid)); });
  }

  /* Sent: gone from the outbox, and "sent-any" saved, in one step. Saved after, another tab
   * hearing of the delete counted in between and said "Nothing is waiting to send." (a fresh
   * tablet's words) for a moment. A response changed (another tab) since the body the server
   * took was read is kept, "overtaken": the server has the answers as they were and refuses
   * another body under that id, so the change can never be sent, and it was dropped with no
   * word. The researcher page says so and offers a copy of the change (refused-list.js). */
  function forgetSent(uuid, body) {
    return transaction(["outbox", "meta"], "readwrite", function (s) {
      s.meta.put(true, "sent-any");
      return req(s.outbox.get(uuid)).then(function (item) {
        if (!item || item.body === body) { s.outbox.delete(uuid); return; }
        item.state = "failed";
        item.overtaken = true;
        item.error = OVERTAKEN;
        ["unsure", "problems", "changed", "ask", "status"].forEach(function (key) { delete item[key]; });
        s.outbox.put(item);
      });
    });
  }
  var OVERTAKEN = "The server took this response as it was before it was changed, so the change was not sent";

  function post(device, body) {
    return global.fetch(API, {
      method: "POST", body: body, credentials: "omit", cache: "no-store",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + device.token }
    });
  }

  var SETTLE_WAIT_MS = 3000;
  var HELD = "held", REFUSED = "refused", CONFLICT = "conflict", GONE = { gone: true };

  /* Send one body of a response; resolves with HELD (the server has it: 201, or 200 for a
   * resend), REFUSED or CONFLICT (with .reply), or a sendAll result word to stop at. It is
   * noted as unsure before it goes and no longer once the server answers for it. */
  function sendBody(device, uuid, body) {
    var settled = function (item) {
      item.unsure = unsure(item).filter(function (b) { return b !== body; });
      if (!item.unsure.length) delete item.unsure;
    };
    // Checked in the step that notes it: a body deleted or replaced in another tab since it
    // was read is not posted (GONE).
    return update(uuid, function (item) {
      var known = unsure(item).indexOf(body) !== -1;
      if (item.body !== body && !known) return GONE;
      if (!known) item.unsure = unsure(item).concat([body]);
      return true;
    }).then(function (marked) {
      if (marked !== true) return GONE;
      return post(device, body).then(function (response) {
        if (response.status === 201 || response.status === 200) return HELD;
        if (response.status === 401) return "unauthorised";
        if (response.status !== 409 && response.status !== 422 && response.status !== 413) return "server";
        return response.json().catch(function () { return {}; }).then(function (reply) {
          return update(uuid, settled).then(function () {
            return { outcome: response.status === 409 ? CONFLICT : REFUSED, status: response.status, reply: reply };
          });
        });
      }, function () { return "offline"; });
    });
  }

  /* Send a response: its body now, then, if the server did not take it, each body sent
   * before with no answer heard. The server holding one of those is the response sent (never
   * a refusal, nor a duplicate): it was this tablet's. Each is asked about even when the body
   * now is refused, not only held in conflict: one left unsure kept the response off the
   * refused list, counted as waiting, for good. */
  function sendItem(device, item) {
    return sendBody(device, item.uuid, item.body).then(function (result) {
      if (result === HELD) return { held: item.body };
      if (result === GONE || typeof result === "string") return result;
      var earlier = unsure(item).filter(function (b) { return b !== item.body; });
      var tryNext = function (index) {
        if (index >= earlier.length) return result;
        return sendBody(device, item.uuid, earlier[index]).then(function (again) {
          if (again === HELD) return { held: earlier[index] };
          return typeof again === "string" ? again : tryNext(index + 1);
        });
      };
      return tryNext(0);
    });
  }

  function refuse(item, sent) {
    return update(item.uuid, function (now) {
      if (now.body !== item.body) return;  // changed while it was sent: that is sent next
      now.state = "failed";
      now.status = sent.status;
      now.error = sent.reply.error || ("The server refused it (" + sent.status + ")");
      // A list: a reason can hold "; " (a choice's label), so the joined words do not split.
      if (Array.isArray(sent.reply.problems)) now.problems = sent.reply.problems.map(String);
      else delete now.problems;
      // The new reason names what is still to change.
      delete now.changed;
      delete now.ask;
    });
  }

  /* Send every waiting response once. Resolves with {result, sent}; result is "sent",
   * "offline", "unauthorised", "no-device" or "server" (try again later). A refused response
   * is sent again only if asked (retryFailed), or if it was sent since with no answer heard. */
  function sendAll(options) {
    var retryFailed = options && options.retryFailed;
    return withLock(function () {
      return Promise.all([store.getMeta("device"), outbox()]).then(function (r) {
        var device = r[0], items = r[1], sent = 0;
        if (!items.length) return { result: "sent", sent: 0 };
        if (!device || !device.token) return { result: "no-device", sent: 0 };
        // An overtaken response is never sent again: the server has it (as it was).
        var wanted = function (i) {
          return !i.overtaken && (i.state !== "failed" || retryFailed || unsure(i).length);
        };
        var todo = items.filter(wanted);
        todo.sort(byQueued);
        function next(index) {
          if (index >= todo.length) return { result: "sent", sent: sent };
          // Read again just before it goes: the list was read when the send began, and
          // another tab may have deleted or changed a response since.
          return current(todo[index].uuid).then(function (item) {
            if (!item || !wanted(item)) return next(index + 1);
            return sendItem(device, item).then(function (result) {
              if (result && result.held !== undefined) {
                sent += 1;
                return forgetSent(item.uuid, result.held).then(function () { return next(index + 1); });
              }
              if (result === GONE) return next(index + 1);
              if (typeof result === "string") return { result: result, sent: sent };
              return refuse(item, result).then(function () { return next(index + 1); });
            });
          });
        }
        return next(0);
      });
    });
  }

  store.outbox = outbox;
  store.summary = summary;
  store.settledSummary = settledSummary;
  store.sendAll = sendAll;
})(self);
