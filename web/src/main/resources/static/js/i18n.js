// UI text in Chinese and English. The choice is kept in localStorage.
const TEXT = {
  zh: {
    title: 'Gridwatch 网格管理', subtitle: '', ogcapi: 'OGC API', login: '登录', logout: '退出',
    searchLabel: '查找区域（代码或名称）', searchPlaceholder: '代码或名称', coordsLabel: '按坐标定位',
    lon: '经度', lat: '纬度', locate: '定位', clickHint: '点击地图上任意位置，查看负责的网格。',
    district: '区', subdistrict: '街道', community: '社区', grid: '网格', building: '楼栋',
    subdistricts: '街道', communities: '社区', grids: '网格', buildings: '楼栋',
    code: '代码', name: '名称', area: '面积', households: '户数', residents: '人口', chain: '上级区域',
    kind: '类型', residential: '居民网格', port: '港区专属网格', synthetic: '演示数据：社区、网格和楼栋为合成数据。',
    outside: '该点不在本区内', noResults: '没有匹配的区域', basemapOsm: 'OpenStreetMap 底图', basemapNone: '无底图',
    legend: '图例', legendSub: '街道界线', legendCom: '社区界线', legendGrid: '网格（按户数）', legendPort: '港区网格',
    legendSel: '选中的网格', located: '定位点', input: '输入', wgs84: 'WGS84 坐标', error: '出错了',
    children: '下级区域数', zoomIn: '放大查看', loading: '加载中…',
    roster: '一员一警两队', gridMember: '网格员', policeOfficer: '社区民警', patrolTeam: '巡防队', volunteerTeam: '志愿服务队', gap: '空缺',
    console: '指挥台', report: '我要上报', queue: '案件队列', statusLabel: '状态', categoryLabel: '类别', levelLabel: '层级',
    subdistrictLabel: '街道', allOption: '全部', openOption: '未结案', left: '剩余', overdueBy: '已超时', noCases: '没有案件',
    detail: '案件详情', timeline: '处理过程', notePlaceholder: '处理说明（部分操作必填）', follow: '跟随新案件',
    followOff: '已停止自动定位（拖动了地图）', newCase: '新案件', signInFirst: '请先登录', reportTitle: '上报问题',
    pickCategory: '选择类别', dropPin: '在地图上点击放置位置', willHandle: '将由以下网格处理', describe: '问题描述',
    photoUrl: '照片链接（可选）', contact: '联系方式（可选，仅工作人员可见）', contactName: '姓名', phone: '电话', submit: '提交',
    submitted: '已提交，您的案件编号', followTokenIs: '查询码：', followTokenHint: '请保存查询码：凭案件编号和查询码可查看您的完整案件；仅凭编号只能看到类别、状态和大致位置。',
    publicText: '公开我的描述（电话号码和身份证号会被遮盖）', followToken: '查询码（可选）',
    approximatePlace: '位置已模糊到约 100 米；输入查询码可查看完整信息。', trackTitle: '查询进度', caseId: '案件编号', track: '查询', deadline: '期限',
    responsible: '当前负责', reportedAt: '上报时间', grids_open: '网格未结案件', live: '实时',
    REPORTED: '已上报', REGISTERED: '已立案', REJECTED: '已注销', DISPATCHED: '已派遣', IN_PROGRESS: '处理中', RESOLVED: '已处置',
    VERIFIED: '已核查', CLOSED: '已结案', RETURNED: '已回退', PARKED: '已挂账', MERGED: '已合并',
    GRID: '网格', COMMUNITY: '社区', SUBDISTRICT: '街道', DEPARTMENT: '区直部门',
    register: '立案', reject: '注销', dispatch: '派遣', start: '开始处理', resolve: '处置反馈', return: '回退', escalate: '上报上级',
    verify: '核查', close: '结案', extend: '延期', park: '挂账', unpark: '恢复处理', reopen: '返工', merge: '合并',
    planning: '天网地网规划', timeOfDay: '时段', dayButton: '白天 10:00', nightButton: '夜间 23:00', districtCoverage: '全区覆盖',
    cameraCoverage: '视频覆盖率', patrolCoverage: '巡逻覆盖率', combinedCoverage: '综合覆盖率', keyAreaCoverage: '重点区域覆盖率',
    cameraWorkingRate: '摄像头完好率', casesInGaps: '近90天盲区案件', gridsStaffed: '一员一警两队配齐网格', camerasLabel: '摄像头',
    staffing: '一员一警两队', withDrafts: '加上草案后', drafting: '规划草案', placeCamera: '放置摄像头', drawRoute: '绘制巡逻线',
    cameraSettings: '摄像头参数', cameraType: '类型', heading: '朝向°', fov: '视角°', range: '距离 m', routeSettings: '巡逻线参数',
    mode: '方式', from: '开始', to: '结束', finishRoute: '完成绘制', saveDrafts: '保存草案', discardDrafts: '放弃',
    suggestTitle: '建议新增点位', suggest: '计算建议', cases: '件', acceptDraft: '采纳为草案', casesCovered: '覆盖的案件',
    layerCoverage: '网格覆盖率', layerGaps: '盲区', layerSectors: '摄像头视域', layerCameras: '摄像头', layerRoutes: '巡逻线',
    legendCoverage: '综合覆盖率', legendStrip: '巡逻覆盖带',
    walkedTitle: '巡逻实绩（地网）', walkedDays: '最近', days: '天', layerWalked: '实际巡逻轨迹', layerNotWalked: '规划未巡路段',
    layerUnplanned: '规划外巡逻', walkedTrack: '巡逻轨迹', walkedTracks: '轨迹', plannedLength: '规划路线', notWalked: '未巡',
    unplanned: '规划外', actualPatrolCoverage: '实际巡逻覆盖', ONLINE: '在线', OFFLINE: '离线', FAULT: '故障',
    FOOT: '步巡', BIKE: '骑巡', CAR: '车巡', active: '此时段在巡', inactive: '此时段不巡', nextPass: '下次经过', editRoute: '调整路线',
    hintCamera: '在地图上点击放置摄像头。', hintRoute: '依次点击地图添加路线点（至少两个），然后点“完成绘制”。',
    draftRoute: '规划巡逻线', coveredChange: '覆盖面积变化', camerasShort: '视频', patrolShort: '巡逻', combinedShort: '综合',
    newRoute: '新巡逻线', reshapedRoute: '调整巡逻线', newCamera: '新摄像头', plannedCamera: '规划摄像头', saved: '已保存',
    obstaclesTitle: '遮挡物（楼体轮廓）', obstaclesCount: '已载入', importObstacles: '导入 GeoJSON', clearObstacles: '清除',
    obstaclesStored: '已导入', obstaclesRefused: '拒绝',
    planner: '网格调整', selectedArea: '选中的网格', plannerHint: '点击地图上的网格，然后拖动它的顶点。', commitEdit: '提交调整', buildingsMoving: '换网格的楼栋',
    editLevel: '编辑层级', modeReshape: '调整边界', modeSplit: '按线拆分', modeMerge: '合并', modeBalance: '自动均衡', finishLine: '完成拆分线',
    splitHint: '点击网格选中，再在地图上点出一条穿过它的线，然后点“完成拆分线”。', mergeHint: '依次点击要合并的相邻网格（至少两个）。',
    balanceHint: '点击社区内任一网格，为该社区提出新的网格划分。', propose: '提出方案', gridCount: '网格数',
    casesMoving: '换网格的案件', camerasMoving: '换网格的摄像头', routeMetres: '巡逻线长度（米）', staffAfter: '人员与工作量',
    openCases: '未结案件', memberLoad: '网格员负责', responsiblePerson: '负责人', draftName: '草案名称', saveDraft: '保存为草案',
    draftsTitle: '草案', noDrafts: '没有草案', commitDraft: '提交', historyTitle: '历史', historyNow: '现在',
    historyHint: '拖动查看过去的网格边界（只读）。', created: '新建', retired: '撤销', inBand: '在区间内', route: '巡逻线', camera: '摄像头',
    supervise: '督办', transfer: '移交公安', answer: '答复办结', TRANSFERRED: '已移交',
    lightLabel: '亮灯', supervisedMark: '督办', supervisedTitle: '指挥中心已督办：案件仍由原单位办理，超时计入该单位',
    GREEN_light: '绿灯', YELLOW_light: '黄灯', RED_light: '红灯', legendGreen: '绿灯：在时限内',
    legendYellow: '黄灯：已用时限的 80%', legendRed: '红灯：已超时', legendSupervised: '督办：指挥中心督办',
    mineLabel: '我的案件', redispatch: '改派', pickTarget: '派往', defaultTarget: '默认', assignee: '承办人',
    returnReason: '退单理由', openLoad: '在办', noAccount: '无账号', sentTo: '派往', cancel: '取消',
    PERSON: '人员', UNIT: '单位',
    // Photos of a case (js/photos.js)
    photosLabel: '照片（可选）', photosHint: '最多 {n} 张，每张不超过 {mb} MB（JPEG、PNG、WebP、HEIC）；提交后随案件上传。',
    photosTooMany: '最多只能附 {n} 张照片。', photoTooLarge: '超过 {mb} MB', photoSending: '上传中…', photoSent: '已上传',
    photoFailed: '上传失败', uploadNetwork: '网络中断，照片未上传', photosTitle: '照片', photoEnlarge: '点击放大',
    photo_REPORT: '上报照片', photo_BEFORE: '处置前', photo_AFTER: '处置后', photo_PATROL: '巡查照片',
    photoNoCopy: 'HEIC 照片：服务器无法转换，仅工作人员可查看原件', photoOriginal: '下载原件',
    // standard addresses (issue 12, part D)
    addressLabel: '地址（路名、门牌号、楼号、单元）', addressPlaceholder: '如 某某路128号3号楼2单元', useMyLocation: '使用我的位置',
    match_EXACT: '完全匹配', match_PARTIAL: '部分匹配', match_LOOSE: '近似匹配', addressNotFound: '没有找到这个地址，您是否要找：',
    locating: '正在获取位置…', nearAddress: '离您最近的地址，距离约', noAddressNear: '附近没有登记的地址，已按您的位置放置',
    locationDenied: '无法获取位置（未授权或不可用），请输入地址或在地图上点击', orClickMap: '或在地图上点击放置位置',
    newCaseForm: '新建案件（热线）', newCaseTitle: '热线新建案件', reporterName: '来电人姓名', reporterPhone: '来电号码',
    caseCreated: '已建案', cancel: '取消', pinFirst: '请先查找地址或在地图上点击放置位置',
  },
  en: {
    title: 'Gridwatch grid management', subtitle: '', ogcapi: 'OGC API', login: 'Sign in',
    logout: 'Sign out', searchLabel: 'Find an area (code or name)', searchPlaceholder: 'code or name',
    coordsLabel: 'Locate coordinates', lon: 'Longitude', lat: 'Latitude', locate: 'Locate',
    clickHint: 'Click anywhere on the map to see the responsible grid.',
    district: 'District', subdistrict: 'Subdistrict', community: 'Community', grid: 'Grid', building: 'Building',
    subdistricts: 'Subdistricts', communities: 'Communities', grids: 'Grids', buildings: 'Buildings',
    code: 'Code', name: 'Name', area: 'Area', households: 'Households', residents: 'Residents', chain: 'Part of',
    kind: 'Kind', residential: 'Residential grid', port: 'Port grid', synthetic: 'Demo data: communities, grids and buildings are synthetic.',
    outside: 'This point is outside the district', noResults: 'No matching area', basemapOsm: 'OpenStreetMap',
    basemapNone: 'No base map', legend: 'Legend', legendSub: 'Subdistrict boundary', legendCom: 'Community boundary',
    legendGrid: 'Grid (by households)', legendPort: 'Port grid', legendSel: 'Selected grid', located: 'Located point',
    input: 'Input', wgs84: 'WGS84', error: 'Something went wrong', children: 'Sub-areas', zoomIn: 'Zoom in',
    loading: 'Loading…',
    roster: 'Roster (member, officer, two teams)', gridMember: 'Grid member', policeOfficer: 'Police officer',
    patrolTeam: 'Patrol team', volunteerTeam: 'Volunteer team', gap: 'vacant',
    console: 'Console', report: 'Report a problem', queue: 'Case queue', statusLabel: 'Status', categoryLabel: 'Category',
    levelLabel: 'Level', subdistrictLabel: 'Subdistrict', allOption: 'All', openOption: 'Open', left: 'left', overdueBy: 'overdue by',
    noCases: 'No cases', detail: 'Case', timeline: 'Timeline', notePlaceholder: 'Note (required for some actions)',
    follow: 'Follow new cases', followOff: 'Auto-zoom off (you moved the map)', newCase: 'New case', signInFirst: 'Please sign in',
    reportTitle: 'Report a problem', pickCategory: 'Choose a category', dropPin: 'Click the map to drop a pin',
    willHandle: 'It will be handled by', describe: 'What is the problem?', photoUrl: 'Photo URL (optional)',
    contact: 'Contact (optional, staff only)', contactName: 'Name', phone: 'Phone', submit: 'Submit', submitted: 'Sent. Your case number is',
    followTokenIs: 'Follow code:', followTokenHint: 'Keep this code: with the case number it shows your whole case; the number alone shows only category, status and an approximate place.',
    publicText: 'Publish my description (phone and ID numbers are masked)', followToken: 'Follow code (optional)',
    approximatePlace: 'Place shown to about 100 m; enter the follow code to see everything.', trackTitle: 'Follow a case', caseId: 'Case number', track: 'Look up', deadline: 'Deadline', responsible: 'Responsible now',
    reportedAt: 'Reported', grids_open: 'Open cases per grid', live: 'Live',
    REPORTED: 'Reported', REGISTERED: 'Registered', REJECTED: 'Rejected', DISPATCHED: 'Dispatched', IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved', VERIFIED: 'Verified', CLOSED: 'Closed', RETURNED: 'Returned', PARKED: 'Parked', MERGED: 'Merged',
    GRID: 'Grid', COMMUNITY: 'Community', SUBDISTRICT: 'Subdistrict', DEPARTMENT: 'Department',
    register: 'Register', reject: 'Reject', dispatch: 'Dispatch', start: 'Start', resolve: 'Resolve', return: 'Return',
    escalate: 'Escalate', verify: 'Verify', close: 'Close', extend: 'Extend', park: 'Park', unpark: 'Unpark', reopen: 'Reopen',
    merge: 'Merge',
    planning: 'Sky net & ground net planning', timeOfDay: 'Time of day', dayButton: 'Day 10:00', nightButton: 'Night 23:00',
    districtCoverage: 'District coverage', cameraCoverage: 'Camera coverage', patrolCoverage: 'Patrol coverage',
    combinedCoverage: 'Combined coverage', keyAreaCoverage: 'Key-area coverage', cameraWorkingRate: 'Cameras working',
    casesInGaps: 'Cases in gaps (90 days)', gridsStaffed: 'Grids fully staffed', camerasLabel: 'Cameras', staffing: 'Staffing',
    withDrafts: 'With drafts', drafting: 'Drafts', placeCamera: 'Place camera', drawRoute: 'Draw route', cameraSettings: 'Camera',
    cameraType: 'Type', heading: 'Heading°', fov: 'Field of view°', range: 'Range m', routeSettings: 'Route', mode: 'Mode',
    from: 'From', to: 'To', finishRoute: 'Finish route', saveDrafts: 'Save drafts', discardDrafts: 'Discard',
    suggestTitle: 'Suggested camera sites', suggest: 'Suggest', cases: 'cases', acceptDraft: 'Accept as draft',
    casesCovered: 'Cases covered', layerCoverage: 'Grid coverage', layerGaps: 'Gaps', layerSectors: 'Camera sectors',
    layerCameras: 'Cameras', layerRoutes: 'Patrol routes', legendCoverage: 'Combined coverage', legendStrip: 'Patrol strip',
    walkedTitle: 'Ground net as walked', walkedDays: 'Last', days: 'days', layerWalked: 'Walked tracks',
    layerNotWalked: 'Planned, not walked', layerUnplanned: 'Walked, not planned', walkedTrack: 'Track', walkedTracks: 'Tracks',
    plannedLength: 'Planned routes', notWalked: 'Not walked', unplanned: 'Off the plan', actualPatrolCoverage: 'Walked coverage',
    ONLINE: 'Online', OFFLINE: 'Offline', FAULT: 'Fault', FOOT: 'On foot', BIKE: 'Bike', CAR: 'Car',
    active: 'patrolling now', inactive: 'not at this time', nextPass: 'Next pass', editRoute: 'Reshape route',
    hintCamera: 'Click the map to place the camera.', hintRoute: 'Click the map to add points (two or more), then Finish route.',
    draftRoute: 'Planned route', coveredChange: 'Covered area change', camerasShort: 'Cam.', patrolShort: 'Patrol',
    combinedShort: 'Both', newRoute: 'New route', reshapedRoute: 'Reshaped route', newCamera: 'New camera',
    plannedCamera: 'Planned camera', saved: 'Saved', obstaclesTitle: 'Obstacles (building footprints)',
    obstaclesCount: 'Loaded', importObstacles: 'Import GeoJSON', clearObstacles: 'Clear', obstaclesStored: 'Imported',
    obstaclesRefused: 'refused', planner: 'Grid redrawing', selectedArea: 'Selected grid',
    plannerHint: 'Click a grid on the map, then drag its vertices.', commitEdit: 'Commit', buildingsMoving: 'Buildings changing grid',
    editLevel: 'Level', modeReshape: 'Reshape', modeSplit: 'Split by line', modeMerge: 'Merge', modeBalance: 'Auto-balance', finishLine: 'Finish line',
    splitHint: 'Click a grid, then click a line across it on the map, then "Finish line".', mergeHint: 'Click the adjacent grids to merge (two or more).',
    balanceHint: 'Click any grid of a community to propose a new grouping of its grids.', propose: 'Propose', gridCount: 'Grids',
    casesMoving: 'Cases changing grid', camerasMoving: 'Cameras changing grid', routeMetres: 'Patrol route metres', staffAfter: 'Staff and workload',
    openCases: 'Open cases', memberLoad: 'Member holds', responsiblePerson: 'Responsible', draftName: 'Draft name', saveDraft: 'Save as draft',
    draftsTitle: 'Drafts', noDrafts: 'No drafts', commitDraft: 'Commit', historyTitle: 'History', historyNow: 'now',
    historyHint: 'Drag to see past grid boundaries (read only).', created: 'new', retired: 'retired', inBand: 'in band', route: 'Route', camera: 'Camera',
    supervise: 'Supervise', transfer: 'Transfer to police', answer: 'Answer and close', TRANSFERRED: 'Transferred',
    lightLabel: 'Light', supervisedMark: 'Supervised', supervisedTitle: 'Supervised by the command centre: the case stays with its unit, the breach counts against it',
    GREEN_light: 'Green', YELLOW_light: 'Yellow', RED_light: 'Red', legendGreen: 'Green: within the time limit',
    legendYellow: 'Yellow: 80 % of the time limit used', legendRed: 'Red: overdue', legendSupervised: 'Supervised (督办) by the command centre',
    mineLabel: 'My cases', redispatch: 'Re-dispatch', pickTarget: 'Send to', defaultTarget: 'default', assignee: 'Assigned to',
    returnReason: 'Returned because', openLoad: 'on hand', noAccount: 'no account', sentTo: 'to', cancel: 'Cancel',
    PERSON: 'Person', UNIT: 'Unit',
    // Photos of a case (js/photos.js)
    photosLabel: 'Photos (optional)', photosHint: 'Up to {n}, each at most {mb} MB (JPEG, PNG, WebP, HEIC); sent with the case.',
    photosTooMany: 'You can attach at most {n} photos.', photoTooLarge: 'larger than {mb} MB', photoSending: 'Uploading…', photoSent: 'Uploaded',
    photoFailed: 'Upload failed', uploadNetwork: 'The connection dropped; the photo was not sent', photosTitle: 'Photos', photoEnlarge: 'Tap to enlarge',
    photo_REPORT: 'From the report', photo_BEFORE: 'Before', photo_AFTER: 'After', photo_PATROL: 'Patrol',
    photoNoCopy: 'HEIC photo: the server cannot convert it; staff see the original', photoOriginal: 'Download the original',
    // standard addresses (issue 12, part D)
    addressLabel: 'Address (road, number, building, unit)', addressPlaceholder: 'e.g. Road 128号3号楼2单元', useMyLocation: 'Use my location',
    match_EXACT: 'exact', match_PARTIAL: 'partial', match_LOOSE: 'approximate', addressNotFound: 'No such address. Did you mean:',
    locating: 'Finding your position…', nearAddress: 'Nearest address, about', noAddressNear: 'No recorded address nearby: placed at your position',
    locationDenied: 'Your position is not available (not allowed or not supported): type the address or click the map', orClickMap: 'or click the map to place it',
    newCaseForm: 'New case (hotline)', newCaseTitle: 'New hotline case', reporterName: "Caller's name", reporterPhone: "Caller's phone",
    caseCreated: 'Case created', cancel: 'Cancel', pinFirst: 'Find the address or click the map to place the case first',
  },
};

/** The deployment's time zone, from /api/v1/district (until it arrives: the browser's own). */
let zone;

/**
 * The district this deployment serves (GET /api/v1/district) names the page: the subtitle, the search example and the
 * "outside" message, in both languages. Nothing about any one district is written into the client.
 */
export function setDistrict(d) {
  if (!d) return;
  if (d.timeZone) zone = d.timeZone;
  if (!d.loaded) return;
  const en = d.nameEn || d.name;
  Object.assign(TEXT.zh, { subtitle: d.name, searchPlaceholder: `如 ${d.code} 或 名称`, outside: `该点不在${d.name}内` });
  Object.assign(TEXT.en, { subtitle: en, searchPlaceholder: `e.g. ${d.code} or a name`, outside: `This point is outside ${en}` });
  apply();
}

export function districtZone() { return zone; }

let lang = localStorage.getItem('gridwatch.lang') || (navigator.language || 'zh').slice(0, 2);
if (!TEXT[lang]) lang = 'zh';
const listeners = [];

export function t(key) { return TEXT[lang][key] ?? key; }

/** Adds one page's own texts to both languages (the field app's live in js/field-text.js). */
export function addTexts(zh, en) { Object.assign(TEXT.zh, zh); Object.assign(TEXT.en, en); }
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

/** Applies the language to the page and lets the header button switch it. */
export function startLanguage() {
  apply();
  document.getElementById('lang').addEventListener('click', () => setLang(lang === 'zh' ? 'en' : 'zh'));
}

export function apply() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  const button = document.getElementById('lang');
  if (button) button.textContent = lang === 'zh' ? 'EN' : '中文';
}

/** A date-time as the command centre reads it: the district's time, in the UI language. */
export function when(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, hour12: false });
}
