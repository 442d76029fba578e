/* "Sign out" in a staff page's header, on a tablet that runs surveys: with a response refused or
 * still waiting to send on it, it warns first, as the researcher page's "Sign out" does (the same
 * rule and words, runner/sign-out-words.js), where it signed out with no word. Nothing heavy
 * loads with the page: the tablet's queue is read only once "Sign out" is pressed, and only in a
 * browser that has the tablet's database (elsewhere it signs out at once, as without script). */
const HERE_KEY = "fv-runner-db";  // store.js
const STORE_SCRIPTS = ["store.js", "store-outbox.js", "store-refused.js"];  // runner.py, in order
const here = import.meta.url;

function loadScript(name) {
  return new Promise(function (resolve, reject) {
    const script = document.createElement("script");
    script.src = new URL(name, here).href;
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

/* Whether this browser has the tablet's database: store.js marks it when it opens it. Read at
 * once, so a browser that never ran a survey signs out without waiting for anything. */
function isTablet() {
  try { return !!window.localStorage.getItem(HERE_KEY) && !!window.indexedDB; } catch (e) { return false; }
}

/* The tablet's queue summary, read with the runner's own store scripts, loaded now. */
function queueSummary() {
  const loaded = window.FVStore && window.FVStore.settledSummary ? Promise.resolve()
    : STORE_SCRIPTS.reduce(function (p, name) { return p.then(function () { return loadScript(name); }); },
                           Promise.resolve());
  return loaded.then(function () { return window.FVStore.settledSummary(); });
}

function button(text, kind, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "govuk-button" + (kind ? " " + kind : "");
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function setUp(form) {
  let leaving = false;
  let panel = null;

  function leave() { leaving = true; form.submit(); }

  /* The warning at the top of the page's main part, focused so it is read out. */
  function show(words, summary) {
    const main = document.querySelector("main") || document.body;
    if (!panel) {
      panel = document.createElement("div");
      panel.className = "fv-sign-out-warning";
      panel.setAttribute("data-sign-out-warning", "");
      panel.tabIndex = -1;
      main.prepend(panel);
    }
    panel.hidden = false;
    panel.replaceChildren();
    const text = document.createElement("p");
    text.className = "govuk-body govuk-!-font-weight-bold";
    text.textContent = words.mustWarn(summary) ? words.warning(summary, "from this survey’s tablet page")
      : words.NOTHING_WAITING;
    panel.appendChild(text);
    const row = document.createElement("div");
    row.className = "govuk-button-group";
    if (words.mustWarn(summary)) {
      if (summary.waiting) {
        row.appendChild(button(words.sendLabel(summary.waiting), "", function () {
          text.textContent = "Sending…";
          window.FVStore.sendAll({ retryFailed: true }).catch(function () {})
            .then(check.bind(null, false));
        }));
      }
      row.appendChild(button("Stay signed in", "govuk-button--secondary", function () {
        panel.hidden = true;
        form.querySelector("button").focus();
      }));
      row.appendChild(button("Sign out anyway", "govuk-button--warning", leave));
    }
    panel.appendChild(row);
    panel.focus();
  }

  /* Count, and warn (or, with nothing to warn of, sign out when signing out was asked). */
  function check(signingOut) {
    return Promise.all([import("./runner/sign-out-words.js"), queueSummary()]).then(function (r) {
      const words = r[0], summary = r[1];
      if (words.mustWarn(summary) || (!signingOut && panel)) show(words, summary);
      else leave();
    }, leave);  // the queue cannot be read: sign out as before
  }

  form.addEventListener("submit", function (event) {
    if (leaving || !isTablet()) return;
    event.preventDefault();
    check(true);
  });
}

const form = document.querySelector("[data-header-sign-out]");
if (form) setUp(form);
