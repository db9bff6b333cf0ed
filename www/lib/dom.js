// Small DOM helpers: elements built from text only (never innerHTML), and regions that
// remember how they were drawn so a language switch can redraw them.

export const $ = (sel, root = document) => root.querySelector(sel);
export const tid = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);

/** h("div", { class: "x", dataset: {...} }, child...) — text only via textContent, never innerHTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Dynamic regions keep the function that draws them, so a language switch redraws them.
export const renderers = new Map();
export function render(el, draw) {
  renderers.set(el, draw);
  el.replaceChildren(...[draw()].flat().filter(Boolean));
}
export function clear(el) {
  renderers.delete(el);
  el.replaceChildren();
}
export function redrawAll() {
  for (const [el, draw] of renderers) el.replaceChildren(...[draw()].flat().filter(Boolean));
}
