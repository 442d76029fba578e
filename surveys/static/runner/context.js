/* What every runner module shares: the page's settings (from <main data-…>), the store
 * (IndexedDB, or this tab only in a preview), skip logic and moving between pages. */

export const main = document.querySelector("main[data-runner]");
export const page = main ? main.dataset.page : null;
export const versionId = main ? Number(main.dataset.version) : 0;
export const urls = main ? JSON.parse(main.dataset.urls) : {};
export const flow = main ? JSON.parse(main.dataset.flow) : [];
export const preview = !!main && main.dataset.preview === "1";
export const store = preview ? previewStore() : window.FVStore;

export function go(url, replace) {
  if (replace) window.location.replace(url); else window.location.assign(url);
}

/* A GOV.UK button made by script (the researcher page's lists), calling onClick when pressed. */
export function button(text, style, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "govuk-button " + style;
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

export function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

/* ---- skip logic ---- */

export function shownIds(answers) {
  const shown = {};
  flow.forEach(function (step) {
    const rule = step.showIf;
    if (!rule) { shown[step.id] = true; return; }
    const value = shown[rule[0]] ? answers[rule[0]] : undefined;
    shown[step.id] = Array.isArray(value) ? value.indexOf(rule[1]) !== -1 : value === rule[1];
  });
  return shown;
}

export function nextUrl(position, answers) {
  const shown = shownIds(answers);
  for (let i = 0; i < flow.length; i++) {
    if (flow[i].position > position && shown[flow[i].id]) return urls.question + flow[i].position;
  }
  return urls.end;
}

export function previousUrl(position, answers) {
  const shown = shownIds(answers);
  for (let i = flow.length - 1; i >= 0; i--) {
    if (flow[i].position < position && shown[flow[i].id]) return urls.question + flow[i].position;
  }
  return urls.start;
}

/* ---- preview: the same pages, answers kept only in this tab ---- */

function previewStore() {
  const key = "fv-preview-" + main.dataset.version;
  function load() { try { return JSON.parse(sessionStorage.getItem(key)); } catch (e) { return null; } }
  function keep(draft) { sessionStorage.setItem(key, JSON.stringify(draft)); return draft; }
  return {
    newDraft: function () { return Promise.resolve(keep({ uuid: "preview", versionId: versionId, answers: {} })); },
    currentDraft: function () { return Promise.resolve(load()); },
    saveAnswer: function (uuid, qid, value) {
      const draft = load() || { uuid: "preview", versionId: versionId, answers: {} };
      if (value === null || value === "" || (Array.isArray(value) && !value.length)) delete draft.answers[qid];
      else draft.answers[qid] = value;
      return Promise.resolve(keep(draft));
    },
    deleteDraft: function () { sessionStorage.removeItem(key); return Promise.resolve(); },
    setAside: function () { return Promise.resolve(); },
    getMeta: function () { return Promise.resolve(null); }
  };
}
