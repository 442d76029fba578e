/* Loaded first, in <head>, as a plain script: until the page's module script is ready
 * (main[data-ready="1"]), a form on a runner page is never submitted the browser's own way.
 * That way was a GET to the page itself: answers or the member's name in the address, sent
 * to the server when online, nothing saved, and the same page again. A tap that early is
 * held here and submitted again by main.js once the page is ready. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var main = document.querySelector("main[data-runner]");
    if (!main || main.dataset.ready === "1") return;
    event.preventDefault();
    event.stopPropagation();
    window.FVHeldSubmit = { form: event.target, submitter: event.submitter || null };
  }, true);
})();
