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
 * kept pages, pictures and sounds; once it takes over, the old cache is deleted. Before, with
 * one name for every release, scripts were refreshed one at a time as pages asked for them,
 * and a tablet could run one release's page with another's modules. Answers and responses
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
self.addEventListener("activate", function (event) {
  event.waitUntil(olderCaches().then(function (names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

/* A page of an older release still open (its offline.js) can keep files into that release's
 * cache after this worker deleted it, which made it anew: it stayed until the next release,
 * and a look-up found its copies before this release's. Each page opened folds such a cache
 * in (what this one lacks) and deletes it; never while a newer worker installs from it. */
var tidying = null;
function foldInOlder() {
  var registration = self.registration;
  if (tidying || registration.installing || registration.waiting) return tidying || Promise.resolve();
  tidying = Promise.all([olderCaches(), caches.open(CACHE)]).then(function (r) {
    var cache = r[1];
    return Promise.all(r[0].map(function (name) {
      return caches.open(name).then(function (old) {
        return old.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return cache.match(request).then(function (hit) {
              return hit || old.match(request).then(function (kept) { return kept && cache.put(request, kept); });
            });
          }));
        }).then(function () { return caches.delete(name); });
      });
    }));
  }).catch(function () {}).then(function () { tidying = null; });
  return tidying;
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

function cacheFirst(request) {
  return caches.match(request, { ignoreSearch: true }).then(function (hit) {
    return hit || fetch(request).then(function (response) { return keep(request, response); }, function () {
      return request.mode === "navigate" ? offlinePage() : Response.error();
    });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) { return keep(request, response); }, function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) { return hit || offlinePage(); });
  });
}

function staleWhileRevalidate(event) {
  var request = event.request;
  var fresh = fetch(request).then(function (response) { return keep(request, response); });
  event.waitUntil(fresh.catch(function () {}));
  return caches.match(request).then(function (hit) {
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
  if (request.mode === "navigate") event.waitUntil(foldInOlder());
  if (/^\/run\/\d+\/$/.test(path)) {
    event.respondWith(networkFirst(request));
  } else if (path.indexOf("/run/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (path.indexOf("/static/") === 0) {
    event.respondWith(staleWhileRevalidate(event));
  }
});
