// UI text in Chinese and English. The choice is kept in localStorage.
const TEXT = {
  zh: {
    title: 'Gridwatch 网格管理', subtitle: '市北区 · 青岛', ogcapi: 'OGC API', login: '登录', logout: '退出',
    searchLabel: '查找区域（代码或名称）', searchPlaceholder: '如 370203014 或 敦化路', coordsLabel: '按坐标定位',
    lon: '经度', lat: '纬度', locate: '定位', clickHint: '点击地图上任意位置，查看负责的网格。',
    district: '区', subdistrict: '街道', community: '社区', grid: '网格', building: '楼栋',
    subdistricts: '街道', communities: '社区', grids: '网格', buildings: '楼栋',
    code: '代码', name: '名称', area: '面积', households: '户数', residents: '人口', chain: '上级区域',
    kind: '类型', residential: '居民网格', port: '港区专属网格', synthetic: '演示数据：社区、网格和楼栋为合成数据。',
    outside: '该点不在市北区内', noResults: '没有匹配的区域', basemapOsm: 'OpenStreetMap 底图', basemapNone: '无底图',
    legend: '图例', legendSub: '街道界线', legendCom: '社区界线', legendGrid: '网格（按户数）', legendPort: '港区网格',
    legendSel: '选中的网格', located: '定位点', input: '输入', wgs84: 'WGS84 坐标', error: '出错了',
    children: '下级区域数', zoomIn: '放大查看', loading: '加载中…',
  },
  en: {
    title: 'Gridwatch grid management', subtitle: 'Shibei District · Qingdao', ogcapi: 'OGC API', login: 'Sign in',
    logout: 'Sign out', searchLabel: 'Find an area (code or name)', searchPlaceholder: 'e.g. 370203014 or Dunhua',
    coordsLabel: 'Locate coordinates', lon: 'Longitude', lat: 'Latitude', locate: 'Locate',
    clickHint: 'Click anywhere on the map to see the responsible grid.',
    district: 'District', subdistrict: 'Subdistrict', community: 'Community', grid: 'Grid', building: 'Building',
    subdistricts: 'Subdistricts', communities: 'Communities', grids: 'Grids', buildings: 'Buildings',
    code: 'Code', name: 'Name', area: 'Area', households: 'Households', residents: 'Residents', chain: 'Part of',
    kind: 'Kind', residential: 'Residential grid', port: 'Port grid', synthetic: 'Demo data: communities, grids and buildings are synthetic.',
    outside: 'This point is outside Shibei district', noResults: 'No matching area', basemapOsm: 'OpenStreetMap',
    basemapNone: 'No base map', legend: 'Legend', legendSub: 'Subdistrict boundary', legendCom: 'Community boundary',
    legendGrid: 'Grid (by households)', legendPort: 'Port grid', legendSel: 'Selected grid', located: 'Located point',
    input: 'Input', wgs84: 'WGS84', error: 'Something went wrong', children: 'Sub-areas', zoomIn: 'Zoom in',
    loading: 'Loading…',
  },
};

let lang = localStorage.getItem('gridwatch.lang') || (navigator.language || 'zh').slice(0, 2);
if (!TEXT[lang]) lang = 'zh';
const listeners = [];

export function t(key) { return TEXT[lang][key] ?? key; }
export function currentLang() { return lang; }
export function onLanguageChange(fn) { listeners.push(fn); }

/** Area name in the current language (English names fall back to Chinese). */
export function areaName(a) { return lang === 'en' && (a.nameEn || a.name_en) ? (a.nameEn || a.name_en) : a.name; }

export function setLang(next) {
  lang = next;
  localStorage.setItem('gridwatch.lang', lang);
  apply();
  listeners.forEach(fn => fn(lang));
}

export function apply() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  const button = document.getElementById('lang');
  if (button) button.textContent = lang === 'zh' ? 'EN' : '中文';
}
