/* Forum Voice runner service worker (scope /run/): serves the survey pages, pictures and
 * audio that the researcher page saved, so the runner works with no network.
 *
 * Pages of a published version never change, so they come from the cache first. The
 * researcher page tries the network first (it shows the tablet's state). Stylesheet and
 * scripts come from the cache and are refreshed in the background.
 *
 * The server writes the hash of the runner's scripts, stylesheet and pictures into the cache's
 * name (runner.service_worker), so a release with new ones is a new worker. Installing, it
 * fetches every script and picture the tablet kept afresh, all or none, and carries over the
 * kept pages, pictures and sounds; once it takes over, the old cache is emptied into the new
 * one, and deleted once no page from before is open (one may still keep files into it).
 * Before, with one name for every release, scripts were refreshed one at a time as pages
 * asked for them, and a tablet could run one release's page with another's modules. Answers and responses
 * waiting to send are in IndexedDB (store.js), never in a cache: a new release keeps them.
 */
"use strict";

var CACHE = "fv-runner-@ASSETS@";
var OURS = "fv-runner-";

function olderCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name !== CACHE && name.indexOf(OURS) === 0; });
  });
}

/* A survey page (not a picture or sound, which never change): its HTML can change with a
 * release, so it is fetched again rather than carried over as it was. */
function isPage(path) {
  return path.indexOf("/run/") === 0 && !/^\/run\/(media|speech)\//.test(path);
}

/* Into this release's cache: each kept page fetched again (the old copy when the server does
 * not give it: offline, signed out), each picture and sound not already there (newest cache
 * first), and each kept script or stylesheet fetched again. Carried over as they were, pages
 * kept the last release's HTML until the researcher page saved them again. A script the
 * server no longer has (404, 410) is left behind (no page of this release asks for it); no
 * network or any other answer fails the install, and the old worker keeps serving its
 * complete copy until the next try. */
function carryOver() {
  return Promise.all([olderCaches(), caches.open(CACHE)]).then(function (r) {
    var cache = r[1];
    return r[0].reverse().reduce(function (done, name) {
      return done.then(function () { return caches.open(name); }).then(function (old) {
        return old.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return cache.match(request).then(function (hit) {
              if (hit) return null;
              var path = new URL(request.url).pathname;
              var asKept = function () {
                return old.match(request).then(function (kept) { return kept && cache.put(request, kept); });
              };
              if (isPage(path)) {
                return fetch(request.url, { credentials: "same-origin", cache: "no-store" }).then(function (fresh) {
                  return fresh.ok && !fresh.redirected ? cache.put(request, fresh) : asKept();
                }, asKept);
              }
              if (path.indexOf("/static/") !== 0) return asKept();
              return fetch(request.url, { credentials: "same-origin", cache: "no-store" }).then(function (fresh) {
                if (fresh.ok && !fresh.redirected) return cache.put(request, fresh);
                // Only "not found" means the release dropped it: a 5xx in a deploy's moment,
                // left out, lost the file offline once the old cache went.
                if (fresh.status === 404 || fresh.status === 410) return null;
                throw new Error("Not kept: " + request.url + " (" + fresh.status + ")");
              });
            });
          }));
        });
      });
    }, Promise.resolve());
  });
}

self.addEventListener("install", function (event) {
  self.skipWaiting();
  event.waitUntil(carryOver());
});
/* Runner pages open when this worker takes over run the last release's scripts, and one may
 * be keeping files (its offline.js) through handles on an older cache opened before: a file
 * put into a deleted cache is lost with no word, and the page it was for is "not saved on
 * this tablet" offline. So an older cache is deleted only once none of those pages is open
 * (their ids are kept in STATE, as this worker may be stopped and started meanwhile); until
 * then what it holds is moved into this release's cache each time a runner page loads. */
var STATE = "fv-worker-state";
var OLDER_PAGES = "/older-pages";

function notePagesFromBefore() {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
    var ids = list.filter(function (client) {
      return new URL(client.url).pathname.indexOf("/run/") === 0;
    }).map(function (client) { return client.id; });
    return caches.open(STATE).then(function (state) {
      return state.put(OLDER_PAGES, new Response(JSON.stringify({ cache: CACHE, ids: ids })));
    });
  });
}

/* Whether a runner page from before this release took over is still open. */
function pagesFromBeforeOpen() {
  return caches.open(STATE).then(function (state) { return state.match(OLDER_PAGES); })
    .then(function (kept) { return kept ? kept.json() : null; })
    .then(function (noted) {
      if (!noted || noted.cache !== CACHE) return false;
      return Promise.all(noted.ids.map(function (id) { return self.clients.get(id); }))
        .then(function (open) { return open.some(Boolean); });
    });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(notePagesFromBefore().then(foldInOlder).then(function () {
    return self.clients.claim();
  }));
});

/* An older cache, still there while a page from before is open or made anew by an old page's
 * offline.js after the takeover, is folded in: each file this release's cache lacks is moved
 * into it, and every file is taken out of the older one (a look-up finds one copy). The older
 * cache itself is deleted only when no page from before is open (above): a file kept into it
 * later stays there until the next fold-in, never lost. Never while a newer worker installs
 * from it. One fold-in at a time, and at most one more waits behind it. */
function foldOnce() {
  var registration = self.registration;
  if (registration.installing || registration.waiting) return Promise.resolve();
  return Promise.all([olderCaches(), caches.open(CACHE)]).then(function (r) {
    var cache = r[1];
    if (!r[0].length) return null;
    return Promise.all(r[0].map(function (name) {
      return caches.open(name).then(function (old) {
        return old.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return cache.match(request).then(function (hit) {
              return hit || old.match(request).then(function (kept) { return kept && cache.put(request, kept); });
            }).then(function () { return old.delete(request); });
          }));
        });
      });
    })).then(pagesFromBeforeOpen).then(function (open) {
      if (open) return null;
      return Promise.all(r[0].map(function (name) { return caches.delete(name); }));
    });
  });
}

var folding = Promise.resolve();
var foldWaiting = false;
function foldInOlder() {
  if (foldWaiting) return folding;
  foldWaiting = true;
  folding = folding.then(function () {
    foldWaiting = false;
    return foldOnce();
  }).catch(function () {});
  return folding;
}

function offlinePage() {
  return new Response(
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Not saved on this tablet</title></head>" +
    "<body><h1>This page is not saved on this tablet</h1><p>Connect to the internet and open the survey again.</p></body></html>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function keep(request, response) {
  if (response && response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(new URL(request.url).pathname, copy); });
  }
  return response;
}

/* This release's copy first, then any older cache's (a file not yet folded in). */
function lookUp(request, options) {
  return caches.open(CACHE).then(function (cache) { return cache.match(request, options); })
    .then(function (hit) { return hit || caches.match(request, options); });
}

function cacheFirst(request) {
  return lookUp(request, { ignoreSearch: true }).then(function (hit) {
    return hit || fetch(request).then(function (response) { return keep(request, response); }, function () {
      return request.mode === "navigate" ? offlinePage() : Response.error();
    });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) { return keep(request, response); }, function () {
    return lookUp(request, { ignoreSearch: true }).then(function (hit) { return hit || offlinePage(); });
  });
}

function staleWhileRevalidate(event) {
  var request = event.request;
  var fresh = fetch(request).then(function (response) { return keep(request, response); });
  event.waitUntil(fresh.catch(function () {}));
  return lookUp(request).then(function (hit) {
    return hit || fresh.catch(function () { return Response.error(); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The researcher page refreshes the saved copy with cache: "no-store": let that reach the server.
  if (request.cache === "no-store") return;
  var path = url.pathname;
  if (path === "/run/sw.js" || /\/offline\.json$/.test(path)) return;
  // On each runner page's requests, its scripts' too: the page left for it may still be open
  // while its own request is answered.
  event.waitUntil(foldInOlder());
  if (/^\/run\/\d+\/$/.test(path)) {
    event.respondWith(networkFirst(request));
  } else if (path.indexOf("/run/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (path.indexOf("/static/") === 0) {
    event.respondWith(staleWhileRevalidate(event));
  }
});
