/* Offline: the service worker, and keeping every page of this version, its pictures and
 * audio on the tablet (the researcher page does this while someone is signed in). */
import { preview, urls, versionId } from "./context.js";

const CACHE = "fv-runner-v1";

export function registerWorker() {
  if (preview || !("serviceWorker" in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register("/run/sw.js", { scope: "/run/" }).catch(function () { return null; });
}

function fetchFresh(url) {
  return fetch(url, { credentials: "same-origin", cache: "no-store" });
}

function fetchManifest() {
  return fetchFresh(urls.home + "offline.json").then(function (response) {
    if (!response.ok || response.redirected) throw new Error("not signed in");
    return response.json();
  });
}

/* Keep every page, picture and sound of this version on the tablet (fetched again each time:
 * a page can change without a new version, see rules below). */
export function keepForOffline(status, known) {
  const say = function (text) { if (status) status.textContent = text; };
  if (!("caches" in window)) { say("This browser cannot keep the survey for use without internet."); return Promise.resolve(); }
  return (known ? Promise.resolve(known) : fetchManifest()).then(function (manifest) {
    return caches.open(CACHE).then(function (cache) {
      let done = 0;
      return Promise.all(manifest.urls.map(function (url) {
        return fetchFresh(url).then(function (response) {
          if (!response.ok || response.redirected) throw new Error(url);
          return cache.put(url, response).then(function () {
            done += 1;
            say("Getting the survey ready to use without internet… " + done + " of " + manifest.urls.length);
          });
        });
      })).then(function () {
        return window.FVStore.setMeta("rules-" + versionId, manifest.rules);
      }).then(function () { return manifest.urls.length; });
    });
  }).then(function (count) {
    return window.FVStore.setMeta("cached-" + versionId, new Date().toISOString()).then(function () {
      if (status) status.className = "fv-status fv-status--done";
      say("Ready to use without internet. " + count + " pages, pictures and sounds are saved on this tablet.");
    });
  }, function () {
    return window.FVStore.getMeta("cached-" + versionId).then(function (when) {
      if (status) status.className = "fv-status" + (when ? "" : " fv-status--problem");
      say(when ? "No internet now. The copy saved on this tablet will be used."
               : "Could not save the survey for use without internet. Check the connection and open this page again.");
    });
  });
}

/* The start page, between participants: when the rules the kept pages carry (the written
 * answer's limit) have changed on the server, keep the pages again. Otherwise a tablet that
 * went from one participant to the next without its researcher page counted to the old limit,
 * and the server refused the whole response. Offline or signed out, the kept copy is used. */
export function keepAgainIfRulesChanged() {
  if (preview || !navigator.onLine || !("caches" in window)) return Promise.resolve();
  const store = window.FVStore;
  return Promise.all([store.getMeta("cached-" + versionId), store.getMeta("rules-" + versionId)])
    .then(function (meta) {
      if (!meta[0]) return null;  // never kept here: the researcher page keeps it
      return fetchManifest().then(function (manifest) {
        if (meta[1] !== manifest.rules) return keepForOffline(null, manifest);
      });
    }).catch(function () {});
}
