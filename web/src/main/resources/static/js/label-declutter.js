// Map labels that do not overprint each other: in priority order, a label that would overlap one already shown, or
// that the map's edge would cut, is hidden (it reappears when a zoom or a move gives it room), as map renderers place
// their symbols.

const GAP = 2; // px kept clear around a shown label

/** Shows or hides each label element (first wins) within the map's {@code frame} (a DOMRect); answers how many are shown. */
export function declutter(elements, frame) {
  const list = [...elements];
  list.forEach(el => el.classList.remove('gw-label-hidden'));
  const boxes = list.map(el => (el.firstElementChild || el).getBoundingClientRect()); // read all, then write
  const shown = [];
  list.forEach((el, i) => {
    const r = boxes[i];
    const cut = frame && (r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom);
    const hit = cut || shown.some(s => r.left < s.right + GAP && r.right + GAP > s.left && r.top < s.bottom + GAP && r.bottom + GAP > s.top);
    if (hit) el.classList.add('gw-label-hidden'); else shown.push(r);
  });
  return shown.length;
}
