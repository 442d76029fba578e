// Start GOV.UK Frontend components (kept out of inline script for the CSP).
import { initAll } from "/static/govuk/govuk-frontend.min.js";
initAll();
