/* Offline: the service worker, and keeping every page of this version, its pictures and
 * audio on the tablet (the researcher page does this while someone is signed in). */
import { preview, urls, versionId } from "./context.js";

/* Where a kept file goes: this release's cache (the manifest names it) and any other of ours
 * still there. The worker serving the pages may be the last release's until the new one has
 * installed, and a look-up finds the oldest cache's copy first: kept only in the new one, a
 * page was served stale from the old one meanwhile. */
function runnerCaches(name) {
  return caches.keys().then(function (names) {
    const ours = names.filter(function (n) { return n.indexOf("fv-runner-") === 0 && n !== name; });
    return Promise.all([name].concat(ours).map(function (n) { return caches.open(n); }));
  });
}

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

/* After a file could not be kept, the start page waits this long before fetching the survey
 * again, doubling with each failure up to the cap: a picture missing on the server had every
 * start page, between every two participants, fetch the whole survey again. */
const RETRY_FIRST_MS = 5 * 60 * 1000;
const RETRY_MOST_MS = 6 * 60 * 60 * 1000;

/* A try is counted before anything is fetched: a start page left before its background
 * fetch ended recorded nothing, so the next one tried again at once. Returns: the record. */
function noteTry(rules) {
  const store = window.FVStore;
  return store.getMeta("keep-failed-" + versionId).then(function (before) {
    const tries = (before ? before.tries : 0) + 1;
    const wait = Math.min(RETRY_FIRST_MS * Math.pow(2, tries - 1), RETRY_MOST_MS);
    // The rules this try was for: the back-off holds only while they stay the same.
    const record = { tries: tries, missing: before ? before.missing : [], rules: rules,
                     retryAt: new Date(Date.now() + wait).toISOString() };
    return store.setMeta("keep-failed-" + versionId, record).then(function () { return record; });
  });
}

/* What could not be fetched, in words: the addresses mean nothing to a researcher. */
export function describeMissing(missing) {
  const counts = [0, 0, 0, 0];
  missing.forEach(function (url) {
    counts[url.indexOf("/run/media/") === 0 ? 1 : url.indexOf("/run/speech/") === 0 ? 2
           : url.indexOf("/run/") === 0 ? 0 : 3] += 1;
  });
  const names = [["page of questions", "pages of questions"], ["picture or recording", "pictures or recordings"],
                 ["read-aloud sound", "read-aloud sounds"], ["part of the survey's screens", "parts of the survey's screens"]];
  const parts = [];
  counts.forEach(function (n, i) { if (n) parts.push(n + " " + names[i][n === 1 ? 0 : 1]); });
  return parts.length > 1 ? parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] : parts[0];
}

/* Keep every page, picture and sound of this version on the tablet (fetched again each time:
 * a page can change without a new version, see rules below). Every file is tried, and each
 * one fetched is kept, even when another fails: what the tablet had stays usable. */
export function keepForOffline(status, known) {
  const say = function (text) { if (status) status.textContent = text; };
  if (!("caches" in window)) { say("This browser cannot keep the survey for use without internet."); return Promise.resolve(); }
  let attempt = null;
  return noteTry(known ? known.rules : undefined).then(function (record) {
    attempt = record;
    return known || fetchManifest();
  }).then(function (manifest) {
    attempt.rules = manifest.rules;
    // A server from before the cache was named for each release sends no name: that one's.
    return runnerCaches(manifest.cache || "fv-runner-v1").then(function (kept) {
      let done = 0;
      const missing = [];
      return Promise.all(manifest.urls.map(function (url) {
        return fetchFresh(url).then(function (response) {
          if (!response.ok || response.redirected) throw new Error(url);
          return Promise.all(kept.map(function (cache, i) {
            return cache.put(url, i === kept.length - 1 ? response : response.clone());
          })).then(function () {
            done += 1;
            say("Getting the survey ready to use without internet… " + done + " of " + manifest.urls.length);
          });
        }).catch(function () { missing.push(url); });
      })).then(function () {
        const store = window.FVStore;
        // What was fetched is kept and used, even on a first set-up with a file missing: the
        // tablet is marked as having a copy, so its start page tries again (after the wait).
        const kept = done ? store.setMeta("rules-" + versionId, manifest.rules).then(function () {
          return store.setMeta("cached-" + versionId, new Date().toISOString());
        }) : Promise.resolve();
        return kept.then(function () {
          if (!missing.length) return store.setMeta("keep-failed-" + versionId, null);
          return store.setMeta("keep-failed-" + versionId, Object.assign({}, attempt, { missing: missing }))
            .then(function () { throw missing; });
        });
      }).then(function () { return manifest.urls.length; });
    });
  }).then(function (count) {
    return window.FVStore.setMeta("cached-" + versionId, new Date().toISOString()).then(function () {
      if (status) status.className = "fv-status fv-status--done";
      say("Ready to use without internet. " + count + " pages, pictures and sounds are saved on this tablet.");
    });
  }, function (missing) {
    return window.FVStore.getMeta("cached-" + versionId).then(function (when) {
      if (status) status.className = "fv-status" + (when ? "" : " fv-status--problem");
      if (Array.isArray(missing) && online()) {
        const files = describeMissing(missing);
        say(when ? "The survey saved on this tablet will be used, but " + files + " could not be fetched. Everything else is saved. The tablet will try again later; if this stays, ask the person who runs the survey to check it."
                 : "Could not save the survey for use without internet: " + files + " could not be fetched. Open this page again later, or ask the person who runs the survey to check it.");
        return;
      }
      say(when ? "No internet now. The copy saved on this tablet will be used."
               : "Could not save the survey for use without internet. Check the connection and open this page again.");
    });
  });
}

function online() { return navigator.onLine !== false; }

/* The start page, between participants: when the rules the kept pages carry (the written
 * answer's limit) have changed on the server, keep the pages again. Otherwise a tablet that
 * went from one participant to the next without its researcher page counted to the old limit,
 * and the server refused the whole response. Offline or signed out, the kept copy is used.
 * After a file could not be kept, it waits (noteTry) before fetching the files again, but
 * the rules are still asked for on every start page: a change to them is kept at once, or
 * the server would refuse answers over a new limit while the tablet waited (up to 6 hours). */
export function keepAgainIfRulesChanged() {
  if (preview || !navigator.onLine || !("caches" in window)) return Promise.resolve("skipped");
  const store = window.FVStore;
  return Promise.all([store.getMeta("cached-" + versionId), store.getMeta("rules-" + versionId),
                      store.getMeta("keep-failed-" + versionId)])
    .then(function (meta) {
      const failed = meta[2];
      // Never kept here, nor tried: the researcher page keeps it.
      if (!meta[0] && !failed) return "skipped";
      return fetchManifest().then(function (manifest) {
        // The rules last tried: a try left before its end saved none but noted them.
        const tried = failed && failed.rules !== undefined ? failed.rules : meta[1];
        const waiting = failed && Date.now() < Date.parse(failed.retryAt);
        if (waiting && tried === manifest.rules) return "waiting";
        if (failed || meta[1] !== manifest.rules) {
          return keepForOffline(null, manifest).then(function () { return "kept"; });
        }
        return "current";
      });
    }).catch(function () { return "skipped"; });
}
