// The planning view's own texts (Chinese and English), kept beside the page rather than in i18n.js.
import { addTexts } from './i18n.js';

addTexts({
  computing: '正在计算 {w} 的覆盖…', computed: '{w} 的覆盖', loadingCameras: '正在加载摄像头…', loadingGrids: '正在加载网格边界…', loadingRoutes: '正在加载巡逻路线…',
  gridFigures: '网格覆盖', closePanel: '关闭',
  suggestBound: '贪心选点：{k} 个点位至少达到最优增益的 1 - 1/e（约 63%）。', suggestOnMap: '建议点位（地图上的编号圆）',
  layerSuggestions: '建议点位', suggestedSite: '建议点位 {n}：覆盖 +{gain} 件（半径 {r} m）',
  draftAddsM2: '{code}：新增覆盖 {m2} m²', draftAddsNothing: '{code} 在 {w} 不增加覆盖：{why}',
  'why-outside-district': '不在辖区内（未经过任何网格）',
  'why-not-running-route': '该时段不在巡逻排班内',
  'why-not-running-camera': '摄像头不在线',
  'why-already-covered': '所经之处该时段已被覆盖，没有经过盲区',
  nextPassAt: '下次巡逻',
}, {
  computing: 'Computing coverage at {w}…', computed: 'Coverage at {w}', loadingCameras: 'Loading cameras…', loadingGrids: 'Loading grid outlines…', loadingRoutes: 'Loading patrol routes…',
  gridFigures: 'Grid coverage', closePanel: 'Close',
  suggestBound: 'Greedy choice: {k} sites reach at least 1 - 1/e (about 63 %) of the best possible gain.',
  suggestOnMap: 'Suggested sites (numbered circles on the map)',
  layerSuggestions: 'Suggested sites', suggestedSite: 'Site {n}: +{gain} cases covered (radius {r} m)',
  draftAddsM2: '{code}: adds {m2} m² of coverage', draftAddsNothing: '{code} adds nothing at {w}: {why}',
  'why-outside-district': 'it lies outside the district (it touches no grid)',
  'why-not-running-route': 'no patrol is scheduled on it at that time',
  'why-not-running-camera': 'the camera is not online',
  'why-already-covered': 'everything it passes is already covered at that time: it crosses no gap',
  nextPassAt: 'Next pass',
});

/** A text with its {name} placeholders filled in. */
export function fill(text, values) { return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)); }
