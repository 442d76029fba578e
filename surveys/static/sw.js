/* Forum Voice runner service worker (scope /run/): serves the survey pages, pictures and
 * audio that the researcher page saved, so the runner works with no network.
 *
 * Pages of a published version never change, so they come from the cache first. The
 * researcher page tries the network first (it shows the tablet's state). Stylesheet and
 * scripts come from the cache and are refreshed in the background.
 */
"use strict";

var CACHE = "fv-runner-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

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
  if (/^\/run\/\d+\/$/.test(path)) {
    event.respondWith(networkFirst(request));
  } else if (path.indexOf("/run/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (path.indexOf("/static/") === 0) {
    event.respondWith(staleWhileRevalidate(event));
  }
});
