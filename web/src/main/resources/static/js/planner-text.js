// The planner's own texts (Chinese and English) and the wording of the server's structured edit warnings
// ({kind, grid, households, low, high, ...}) in the page's language.
import { addTexts, t } from './i18n.js';

addTexts({
  confirmTitle: '提交前请确认', confirmLead: '这次调整有以下提示：', confirmCommit: '仍然提交', confirmCancel: '返回修改',
  warnBand: '{grid}：{households} 户，超出 {low}–{high} 户', warnStringy: '{area}：形状狭长（紧凑度 {pp}，低于 {limit}）',
  warnCompound: '{compound} 将被分到 {areas}', newArea: '新网格 {key}',
  outcomeTitle: '已提交的调整', outcomeCreated: '新建', outcomeReshaped: '调整', outcomeRetired: '停用', undo: '撤销',
  undoDone: '已撤销，原边界、案件和人员已恢复', revertTitle: '撤销结果', outcomeNone: '无', outcomeCases: '案件改属网格',
  planLegend: '网格户数（与标准 {low}–{high} 户比较）', devFarBelow: '远低于标准（< {x}）', devBelow: '低于标准（{x}–{y}）',
  devWithin: '在标准内（{x}–{y}）', devAbove: '高于标准（{x}–{y}）', devFarAbove: '远高于标准（≥ {x}）', devPort: '港区',
  devNoBand: '社区和街道不按户数着色', areaLabels: '标注', pastZoomIn: '此范围内的历史边界太多，请放大查看全部。', levelZoomIn: '请放大地图以显示并编辑这一层级的区域。',
}, {
  confirmTitle: 'Confirm before committing', confirmLead: 'This edit has warnings:', confirmCommit: 'Commit anyway', confirmCancel: 'Go back',
  warnBand: '{grid}: {households} households, outside {low}–{high}', warnStringy: '{area}: stringy (Polsby-Popper {pp}, below {limit})',
  warnCompound: '{compound} would be split between {areas}', newArea: 'new grid {key}',
  outcomeTitle: 'Committed edit', outcomeCreated: 'Created', outcomeReshaped: 'Reshaped', outcomeRetired: 'Retired', undo: 'Undo',
  undoDone: 'Reverted: the earlier outlines, cases and staff are back', revertTitle: 'Revert', outcomeNone: 'none', outcomeCases: 'Cases now in another grid',
  planLegend: 'Grid households (vs. the band {low}–{high})', devFarBelow: 'far below (< {x})', devBelow: 'below ({x}–{y})',
  devWithin: 'within ({x}–{y})', devAbove: 'above ({x}–{y})', devFarAbove: 'far above (≥ {x})', devPort: 'port',
  devNoBand: 'Communities and subdistricts are not coloured by households', areaLabels: 'Labels',
  pastZoomIn: 'Too many past outlines in this view: zoom in to see them all.', levelZoomIn: 'Zoom in to see and edit the areas of this level.',
});

/** A text with {name} placeholders filled in. */
export function fill(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (m, name) => (values[name] ?? m));
}

/** An area as the planner reads it: an area the edit would create ("new-1") as a new grid, else its code. */
export function areaLabel(code) {
  return code && code.startsWith('new-') ? fill('newArea', { key: code.slice(4) }) : code;
}

/** One structured warning in the page's language; an unknown kind (or an old string) as it came. */
export function warningText(w) {
  if (typeof w === 'string') return w;
  switch (w.kind) {
    case 'households-outside-band': return fill('warnBand', { ...w, grid: areaLabel(w.grid) });
    case 'stringy': return fill('warnStringy', { area: areaLabel(w.area), pp: w.polsbyPopper.toFixed(2), limit: w.limit.toFixed(2) });
    case 'compound-cut': return fill('warnCompound', { compound: w.compound, areas: w.areas.map(areaLabel).join(t('listSep')) });
    default: return w.kind;
  }
}

addTexts({
  listSep: '、', balOverBand: '{count} 栋楼超过 {high} 户（最大 {households} 户），无法都落在标准内',
  balTooFew: '共 {households} 户，不够分成 {grids} 个不少于 {low} 户的网格', balTooMany: '共 {households} 户，分成 {grids} 个网格会超过每格 {high} 户',
  balOutside: '{count}/{grids} 个方案网格超出 {low}–{high} 户', balPieces: '{count} 个方案网格不连片（社区本身有 {pieces} 块）',
  balStringy: '一个 {households} 户的方案网格形状狭长（紧凑度 {pp}，低于 {limit}）',
}, {
  listSep: ', ', balOverBand: '{count} buildings hold more than {high} households (largest {households}): the band cannot hold them',
  balTooFew: '{households} households cannot fill {grids} grids of at least {low}', balTooMany: '{households} households do not fit {grids} grids of at most {high}',
  balOutside: '{count} of {grids} proposed grids outside {low}–{high} households', balPieces: '{count} proposed grids in pieces (the community is in {pieces})',
  balStringy: 'a proposed grid of {households} households is stringy (Polsby-Popper {pp}, below {limit})',
});

const BALANCE = { 'buildings-over-band': 'balOverBand', 'too-few-households': 'balTooFew', 'too-many-households': 'balTooMany',
  'grids-outside-band': 'balOutside', 'grids-in-pieces': 'balPieces' };

/** One structured auto-balance warning in the page's language. */
export function balanceWarningText(w) {
  if (typeof w === 'string') return w;
  if (w.kind === 'stringy') return fill('balStringy', { households: w.households, pp: w.polsbyPopper.toFixed(2), limit: w.limit.toFixed(2) });
  return BALANCE[w.kind] ? fill(BALANCE[w.kind], w) : w.kind;
}
