// Text from a form that was not saved (forum/unsent.py) goes back into that form once its
// author is signed in again, in the same tab.
//
// It is kept in this tab's sessionStorage only (never on the server, never in another tab, gone
// when the tab closes) with the account that last used the tab: the one that opened the form.
// It is put back only on the page the form was on and only for that account; anyone else who
// signs in here never sees it, and it is dropped. Without script the page still lists the text
// to copy.
const STASH = "fv-unsent";
const LAST_USER = "fv-user";
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage turned off: the not-saved page still lists the text
  }
}

function keep(store, data) {
  const owner = store.getItem(LAST_USER);
  if (!owner) return false;
  store.setItem(STASH, JSON.stringify({ ...data, owner, at: Date.now() }));
  return true;
}

function fieldsNamed(name) {
  return [...document.getElementsByName(name)].filter((el) =>
    el.tagName === "TEXTAREA" ||
    (el.tagName === "INPUT" && ["text", "search", "email", "url", "tel", ""].includes(el.type)));
}

function banner(placed, left) {
  const box = document.createElement("div");
  box.className = "govuk-notification-banner govuk-notification-banner--success";
  box.setAttribute("role", "alert");
  box.setAttribute("data-unsent-put-back", "");
  const title = document.createElement("div");
  title.className = "govuk-notification-banner__header";
  const heading = document.createElement("h2");
  heading.className = "govuk-notification-banner__title";
  heading.textContent = "Your text is back";
  title.append(heading);
  const body = document.createElement("div");
  body.className = "govuk-notification-banner__content";
  const message = document.createElement("p");
  message.className = "govuk-notification-banner__heading";
  message.textContent = placed
    ? "We put back what you typed before you were signed out. Check it, then save."
    : "Copy what you typed before you were signed out: this form has no box for it now.";
  body.append(message);
  for (const text of left) {
    const pre = document.createElement("pre");
    pre.className = "govuk-body fv-typed";
    pre.textContent = text;
    body.append(pre);
  }
  box.append(title, body);
  const main = document.querySelector("main") || document.body;
  main.prepend(box);
}

function putBack(stash) {
  const used = new Map();
  const left = [];
  let placed = 0;
  for (const [name, text] of stash.fields) {
    const index = used.get(name) || 0;
    const field = fieldsNamed(name)[index];
    used.set(name, index + 1);
    if (!field) {
      left.push(text);
      continue;
    }
    field.value = text;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    placed += 1;
  }
  banner(placed, left);
}

const store = storage();
const me = document.querySelector('meta[name="fv-user"]')?.content || "";
const unsent = document.getElementById("fv-unsent-text");
if (store && unsent) {
  // The not-saved page: keep the text for whoever opened the form in this tab.
  if (keep(store, JSON.parse(unsent.textContent))) {
    for (const el of document.querySelectorAll("[data-unsent-with-script]")) el.hidden = false;
    for (const el of document.querySelectorAll("[data-unsent-without-script]")) el.hidden = true;
  }
} else if (store && me) {
  let stash = null;
  try {
    stash = JSON.parse(store.getItem(STASH) || "null");
  } catch {
    store.removeItem(STASH);
  }
  const here = window.location.pathname + window.location.search;
  if (stash && (stash.owner !== me || Date.now() - stash.at > MAX_AGE_MS)) {
    store.removeItem(STASH); // someone else's text, or stale: never shown
  } else if (stash && stash.page === here) {
    store.removeItem(STASH);
    putBack(stash);
  }
}
if (store && me) store.setItem(LAST_USER, me);
