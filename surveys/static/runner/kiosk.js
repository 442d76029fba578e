/* Kiosk mode for shared tablets: the screen clears after a while without use and after
 * each person, and the back button never shows the last person's answers. */
import { go, main, page, preview, store, urls } from "./context.js";

export function setupIdle() {
  if (preview || ["question", "stop", "end"].indexOf(page) === -1) return;
  store.getMeta("kiosk").then(function (kiosk) {
    if (!kiosk) return;
    const limit = Math.max(5, Number(main.dataset.idle) || 180) * 1000;
    const warnAfter = limit - Math.min(30000, limit / 3);
    const warning = document.querySelector("[data-idle-warning]");
    let warnTimer, clearTimer;
    function reset() {
      clearTimeout(warnTimer);
      clearTimeout(clearTimer);
      warning.hidden = true;
      warnTimer = setTimeout(function () {
        warning.hidden = false;
        warning.querySelector("button").focus();
      }, warnAfter);
      clearTimer = setTimeout(function () {
        store.setAside().then(function () { go(urls.start, true); });
      }, limit);
    }
    ["pointerdown", "keydown", "input", "touchstart"].forEach(function (type) {
      document.addEventListener(type, reset, { passive: true });
    });
    warning.querySelector("button").addEventListener("click", reset);
    reset();
    main.dataset.idleArmed = String(limit);  // the timers run: support staff and tests can see it
  });
}

/* After a finished survey the thank-you page goes back to the start on its own. */
export function clearAfterThanks() {
  store.getMeta("kiosk").then(function (kiosk) {
    if (kiosk) setTimeout(function () { go(urls.start, true); }, 20000);
  });
}

/* Links to a fresh start replace this page in the history, so back cannot reach it. */
export function restartLinks() {
  document.querySelectorAll("[data-restart]").forEach(function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); go(link.href, true); });
  });
}

/* A page shown again from the browser's memory (the back button) is checked afresh. */
export function reloadPagesFromMemory() {
  window.addEventListener("pageshow", function (event) { if (event.persisted) window.location.reload(); });
}
