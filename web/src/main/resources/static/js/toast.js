// A short message at the bottom of the page (#toast), gone after a few seconds.
let timer;

export function toast(text, ms = 5000) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => { el.hidden = true; }, ms);
}
