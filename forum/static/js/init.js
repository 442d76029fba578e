// Start GOV.UK Frontend components (kept out of inline script for the CSP).
import { initAll } from "/static/govuk/govuk-frontend.min.js";
initAll();

// Every form posts to its address without a fragment. After "Skip to main content" the page's
// address ends "#main-content", and a form with no action posted there: the answer page jumped
// to #main-content, which took focus off the error summary that GOV.UK Frontend focuses on
// load (keyboard users were left on the page body). The submit event comes before the browser
// reads the address, so changing it here is in time; a button's own formaction is covered too.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const button = event.submitter;
  const own = button && button.hasAttribute("formaction");
  const address = new URL(own ? button.formAction : form.action, document.baseURI);
  if (!address.hash) return;
  address.hash = "";
  if (own) button.formAction = address.href;
  else form.action = address.href;
});
