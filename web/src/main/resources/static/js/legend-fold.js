// A map legend that folds: its title is a <details> summary, open on a wide map and folded on a narrow one (open, it
// would cover a third of a phone's map, or of a desktop map squeezed between side panels), and a redraw (the language
// switched) keeps whatever the user chose.

/** Below this map width a legend starts folded. */
export const OPEN_FROM_MAP_WIDTH = 700;

/** Fills {@code div} with the legend {@code body} under a foldable {@code title}; the open state survives redraws. */
export function drawFoldable(div, map, title, body) {
  const shown = div.querySelector('details');
  const open = shown ? shown.open : (map ? map.getSize().x : window.innerWidth) > OPEN_FROM_MAP_WIDTH;
  div.innerHTML = `<details${open ? ' open' : ''}><summary><h4>${title}</h4></summary>${body}</details>`;
}
