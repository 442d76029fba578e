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

  function summary() {
    return outbox().then(function (items) {
      var failed = items.filter(function (i) { return i.state === "failed"; });
      failed.sort(byQueued);
      return { waiting: items.length - failed.length, failed: failed.length,
               errors: failed.map(function (i) { return i.error; }),
               refused: failed.map(store.describeRefused) };
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
      return Promise.all([store.getMeta("device"), outbox()]).then(function (r) {
        var device = r[0], items = r[1], sent = 0;
        if (!items.length) return { result: "sent", sent: 0 };
        if (!device || !device.token) return { result: "no-device", sent: 0 };
        var todo = items.filter(function (i) { return i.state !== "failed" || retryFailed; });
        todo.sort(byQueued);
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
                item.status = response.status;
                item.error = body.error || ("The server refused it (" + response.status + ")");
                // The new reason names what is still to change.
                delete item.changed;
                delete item.ask;
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

  store.outbox = outbox;
  store.summary = summary;
  store.sendAll = sendAll;
})(self);
