// The console's own texts (issue 13): legend, figures strip, overdue alarm, timeline words, cameras, durations.
import { addTexts, t, currentLang } from './i18n.js';

addTexts({
  figuresToday: '今日', figReported: '新增', figOverdue: '超时未结', figClosed: '结案', figOnTime: '按期结案率',
  figuresTitle: '今日数据（本区时间，实时更新）',
  legendCases: '案件（按状态）', legendCaseOverdue: '已超时的案件', legendSelectedCase: '选中的案件',
  legendGridLoad: '网格未结案件（缩小时，圆越大越多）', legendGridOverdue: '有超时案件的网格', legendGridLine: '网格界线',
  layerCases: '未结案件', legendCameraTiles: '摄像头与视域（放大后）', legendCoverageMet: '覆盖率达标的网格',
  legendCoverageLow: '覆盖率不足的网格',
  legendSubdistrictLine: '街道界线', legendCameras: '能看到案发地的摄像头', legendCameraSector: '摄像头视域',
  legendNewCasePin: '热线新案件位置', legendTitle: '图例',
  alarmOverdue: '案件超时', alarmMute: '提示音：开', alarmMuted: '提示音：关', alarmMuteTitle: '案件超时时的提示音（记住选择）',
  ev_REPORTED: '上报', ev_REGISTERED: '立案', ev_REJECTED: '注销', ev_DISPATCHED: '派遣', ev_STARTED: '开始处理',
  ev_RESOLVED: '处置反馈', ev_VERIFIED: '核查', ev_CLOSED: '结案', ev_RETURNED: '回退', ev_EXTENDED: '延期', ev_PARKED: '挂账',
  ev_UNPARKED: '恢复处理', ev_REOPENED: '返工', ev_ESCALATED: '上报上级', ev_SLA_WARNING: '时限预警（已用 80%）',
  ev_OVERDUE: '超时', ev_LINKED_DUPLICATE: '关联重复案件', ev_MERGED: '合并', ev_REHOMED: '随网格调整改属',
  ev_TRANSFERRED: '移交公安', ev_SUPERVISED: '督办', ev_ANSWERED: '答复办结', ev_REDISPATCHED: '改派', ev_FEEDBACK: '群众评价',
  role_SYSTEM: '系统', role_OPERATOR: '指挥中心', role_ADMIN: '管理员', role_RESIDENT: '群众', role_GRID_WORKER: '网格员',
  role_COMMUNITY_STAFF: '社区', role_SUBDISTRICT_STAFF: '街道', role_POLICE: '公安', role_PLANNER: '规划', role_DEPARTMENT_STAFF: '部门', role_NONE: '—',
  actorSystem: '系统', statusChange: '状态', rating_SATISFIED: '满意', rating_BASICALLY_SATISFIED: '基本满意',
  rating_UNSATISFIED: '不满意',
  durDays: '{d}天{h}小时', durHours: '{h}小时{m}分',
  camerasTitle: '能看到案发地的摄像头', noCameras: '没有摄像头能看到这里', liveView: '实时画面', liveViewNone: '未设置实时画面',
  liveViewEdit: '设置', liveViewPrompt: '实时画面：GB/T 28181 设备编号或网址（留空清除）', liveViewSaved: '已保存实时画面',
  cameraDistance: '距离',
}, {
  figuresToday: 'Today', figReported: 'New', figOverdue: 'Overdue', figClosed: 'Closed', figOnTime: 'On-time closure',
  figuresTitle: "Today's figures (district time, live)",
  legendCases: 'Cases (by status)', legendCaseOverdue: 'Overdue case', legendSelectedCase: 'Selected case',
  legendGridLoad: 'Open cases per grid (zoomed out; larger, more)', legendGridOverdue: 'Grid with overdue cases', legendGridLine: 'Grid boundary',
  layerCases: 'Open cases', legendCameraTiles: 'Cameras and views (zoomed in)', legendCoverageMet: 'Grid coverage met',
  legendCoverageLow: 'Grid coverage short',
  legendSubdistrictLine: 'Subdistrict boundary', legendCameras: 'Cameras that see the case', legendCameraSector: 'Camera view',
  legendNewCasePin: 'Hotline case place', legendTitle: 'Legend',
  alarmOverdue: 'Case overdue', alarmMute: 'Sound: on', alarmMuted: 'Sound: off', alarmMuteTitle: 'Sound when a case turns overdue (remembered)',
  ev_REPORTED: 'Reported', ev_REGISTERED: 'Registered', ev_REJECTED: 'Rejected', ev_DISPATCHED: 'Dispatched', ev_STARTED: 'Started',
  ev_RESOLVED: 'Resolved', ev_VERIFIED: 'Verified', ev_CLOSED: 'Closed', ev_RETURNED: 'Returned', ev_EXTENDED: 'Extended',
  ev_PARKED: 'Parked', ev_UNPARKED: 'Unparked', ev_REOPENED: 'Reopened for rework', ev_ESCALATED: 'Escalated',
  ev_SLA_WARNING: 'Time-limit warning (80 % used)', ev_OVERDUE: 'Overdue', ev_LINKED_DUPLICATE: 'Linked duplicate',
  ev_MERGED: 'Merged', ev_REHOMED: 'Moved with a boundary change', ev_TRANSFERRED: 'Transferred to the police',
  ev_SUPERVISED: 'Supervised', ev_ANSWERED: 'Answered and closed', ev_REDISPATCHED: 'Re-dispatched', ev_FEEDBACK: "Resident's rating",
  role_SYSTEM: 'system', role_OPERATOR: 'command centre', role_ADMIN: 'administrator', role_RESIDENT: 'resident',
  role_GRID_WORKER: 'grid worker', role_COMMUNITY_STAFF: 'community', role_SUBDISTRICT_STAFF: 'subdistrict', role_POLICE: 'police',
  role_PLANNER: 'planner', role_DEPARTMENT_STAFF: 'department', role_NONE: '—',
  actorSystem: 'System', statusChange: 'Status', rating_SATISFIED: 'Satisfied', rating_BASICALLY_SATISFIED: 'Basically satisfied',
  rating_UNSATISFIED: 'Unsatisfied',
  durDays: '{d} d {h} h', durHours: '{h} h {m} min',
  camerasTitle: 'Cameras that see the place', noCameras: 'No camera sees this place', liveView: 'Live view', liveViewNone: 'no live view set',
  liveViewEdit: 'Set', liveViewPrompt: 'Live view: GB/T 28181 device id or URL (empty to clear)', liveViewSaved: 'Live view saved',
  cameraDistance: 'distance',
});

/** A text with {name} placeholders filled. */
export function fill(key, values) {
  return Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), t(key));
}

/** A length of time as a person reads it: "2天3小时" / "2 d 3 h" from a day on, "5小时7分" below, h:mm:ss under an hour. */
export function duration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400), h = Math.floor(total / 3600) % 24, m = Math.floor(total / 60) % 60, s = total % 60;
  if (d > 0) return fill('durDays', { d, h });
  if (h > 0) return fill('durHours', { h, m });
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A timeline event's type, a role and a status in the UI language (never the API's code). */
export function eventLabel(type) { return t(`ev_${type}`) === `ev_${type}` ? type.toLowerCase().replaceAll('_', ' ') : t(`ev_${type}`); }
export function roleLabel(role) { return t(`role_${role}`) === `role_${role}` ? (role || '').toLowerCase() : t(`role_${role}`); }
export function isChinese() { return currentLang() === 'zh'; }

// Property company first (issue 14 §3): the property tier and the compound a case lies in.
addTexts({
  PROPERTY: '物业', role_PROPERTY_STAFF: '物业', compoundLabel: '小区', propertyFirstBy: '物业优先：',
}, {
  PROPERTY: 'Property company', role_PROPERTY_STAFF: 'property staff', compoundLabel: 'Compound', propertyFirstBy: 'property first:',
});

// Vector tiles (issue 18): a grid clicked on the console's map, with its cases.
addTexts({
  gridOpenCases: '未结案件', gridOverdueCases: '其中超时', gridCasesAsPoints: '放大时案件逐个显示',
}, {
  gridOpenCases: 'Open cases', gridOverdueCases: 'of them overdue', gridCasesAsPoints: 'zoomed in, cases show one by one',
});
