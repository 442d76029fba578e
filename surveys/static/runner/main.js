/* Forum Voice tablet runner: one question per page, answers saved as given, works offline.
 *
 * Pages are plain server-rendered HTML; these modules fill in saved answers, follow the
 * skip logic, read aloud, queue finished responses and send them. No inline script
 * (strict CSP) and no build step. Needs store.js, store-outbox.js and store-refused.js
 * (window.FVStore), loaded first.
 *
 *   context.js      the page's settings, the store, skip logic
 *   pages.js        start, question, end, stop and stopped pages (answers.js: the form)
 *   home.js         the researcher's page (offline.js: keeping the survey on the tablet),
 *                   loaded only there: the participant's pages stay light
 *   read-aloud.js   the Play button
 *   kiosk.js        clearing the screen on shared tablets
 *   sync-status.js  responses waiting to send, and "Send now"
 *   fix.js          a question page opened to change an answer the server refused
 *
 * hold-submit.js (a plain script in <head>) holds a form submitted before this is ready.
 */
import { main, page, preview } from "./context.js";
import { clearAfterThanks, reloadPagesFromMemory, restartLinks, setupIdle } from "./kiosk.js";
import { keepAgainIfRulesChanged, registerWorker } from "./offline.js";
import { endPage, questionPage, startPage, stopPage, stoppedPage } from "./pages.js";
import { setupPlay } from "./read-aloud.js";
import { setupSync } from "./sync-status.js";

const PAGES = { question: questionPage, start: startPage, end: endPage, stop: stopPage,
                stopped: stoppedPage, done: clearAfterThanks,
                home: function () { return import("./home.js").then(function (m) { return m.homePage(); }); } };

if (main && window.FVStore) {
  storeComplete().then(start);
}

function start() {
  reloadPagesFromMemory();
  if (!preview && page !== "home") registerWorker();
  if (page === "start") {
    // In the background: the tap waits for nothing. Tests wait on data-kept.
    keepAgainIfRulesChanged().then(function (outcome) { main.dataset.kept = outcome; });
  }
  setupPlay();
  setupIdle();
  setupSync();
  restartLinks();
  Promise.resolve((PAGES[page] || function () {})()).then(function () {
    focusHeading();
    main.dataset.ready = "1";
    submitHeld();
  });
}

/* A page kept on a tablet before store.js was split names store.js alone, and the scripts
 * are refreshed before the pages are: load the rest of the store for it. */
function storeComplete() {
  const parts = [["sendAll", "store-outbox.js"], ["discardRefused", "store-refused.js"]];
  return parts.reduce(function (ready, part) {
    return ready.then(function () {
      if (window.FVStore[part[0]]) return null;
      return new Promise(function (resolve) {
        const script = document.createElement("script");
        script.src = new URL("../" + part[1], import.meta.url).href;
        script.onload = script.onerror = resolve;
        document.head.appendChild(script);
      });
    });
  }, Promise.resolve());
}

/* A participant's page starts with the focus on its heading (the question), so a screen
 * reader reads it first and a switch or keyboard user goes on from there: it was on the
 * page's body, before the header. Not where someone has already moved the focus, nor on
 * the researcher page (its own errors take the focus). */
function focusHeading() {
  const heading = main.querySelector("h1");
  const active = document.activeElement;
  if (page === "home" || !heading || (active && active !== document.body)) return;
  heading.tabIndex = -1;
  heading.classList.add("fv-focus-start");
  heading.focus({ preventScroll: true });
}

/* A tap on a form's button before the page was ready (held by hold-submit.js) counts now. */
function submitHeld() {
  const held = window.FVHeldSubmit;
  window.FVHeldSubmit = null;
  if (held && held.form.isConnected) held.form.requestSubmit(held.submitter);
}
