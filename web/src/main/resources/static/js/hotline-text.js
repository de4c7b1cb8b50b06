// The hotline page's own texts (issue 17, part E: 12345 热线工单): ticket statuses, request types, the loop's steps,
// the measures and the page's words, zh and en. Codes from the server are worded here: word('status', 'TO_LOCATE').
import { addTexts, t } from './i18n.js';
import './hotline-link.js';
export { duration } from './console-text.js';

addTexts({
  hotlineTitle: '12345 热线工单', hTabLocate: '待定位', hTabOpen: '在办工单', hTabMeasures: '考核指标', hTabAll: '全部工单',
  hLoading: '加载中…', hNone: '没有工单', hBack: '← 返回列表', hSignIn: '请以指挥中心或管理员账号登录',
  hNotAllowed: '本页面仅供指挥中心（12345 热线）使用。', hApiMissing: '热线接口暂不可用',
  hTicket: '工单', hNumber: '工单编号', hReceivedAt: '受理时间', hSignBy: '签收时限', hDueBy: '办结时限', hSignedAt: '签收时间',
  hSignedLate: '超时签收', hRequestType: '诉求类型', hCategory: '类别', hContent: '诉求内容', hAddress: '地址', hCase: '案件',
  hCaseStatus: '案件状态', hOpenCase: '在指挥台打开', hHistory: '处理记录', hNoAddress: '（未提供地址）',
  hToSign: '待签收', hSignLeft: '签收剩余', hDueLeft: '办结剩余', hLate: '已超时', hLeft: '剩余',
  hLocateHint: '在地图上点击工单所在位置，或按地址查找楼栋，然后点“定位”。', hLocateHere: '定位到此处', hPicked: '已选位置',
  hBuildingCode: '或输入楼栋编码', hLocateBuilding: '按楼栋定位', hLocated: '已定位，已建案',
  hSign: '签收', hReturn: '申请退单', hReturnReason: '退单理由（必填）', hApproveReturn: '同意退单', hRefuseReturn: '不同意退单',
  hExtend: '申请延期', hExtendUntil: '延期至', hExtendReason: '延期理由', hApproveExtend: '同意延期', hRefuseExtend: '不同意延期',
  hReply: '回单', hReplyText: '回复内容', hReplyResult: '办理结果', hVisit: '回访', hVisitResult: '回访结果', hVisitNote: '回访记录',
  hNote: '说明', hSend: '提交', hCancel: '取消', hDone: '已提交', hPendingReturn: '退单申请待审批', hPendingExtend: '延期申请待审批',
  hReplyAfterResolved: '案件处置后才能回单', hFieldErrors: '请检查：',
  hPeriod: '统计期', hFrom: '自', hTo: '至', hBy: '统计维度', hByDepartment: '按部门', hByArea: '按区域', hLevel: '层级',
  hLevelSubdistrict: '街道', hLevelCommunity: '社区', hRow: '单位', hTickets: '工单数', hSatisfactionNote: '满意率 =（满意 + 基本满意）÷ 已回访',
  hMeasuresNone: '该统计期没有工单', hRedone: '重办', hOpenTickets: '在办', hToLocateCount: '待定位',
  m_signedOnTimeRate: '及时签收率', m_closedOnTimeRate: '按时办结率', m_returnRate: '退单率', m_redoRate: '重办率',
  m_visitRate: '回访率', m_satisfactionRate: '满意率', m_repliedOnTimeRate: '按时反馈率',
  status_TO_LOCATE: '待定位', status_RECEIVED: '待签收', status_OPEN: '待签收', status_SIGNED: '已签收', status_RETURN_REQUESTED: '退单待审',
  status_RETURNED: '已退单', status_EXTENSION_REQUESTED: '延期待审', status_EXTEND_REQUESTED: '延期待审', status_REPLIED: '已回单',
  status_VISITED: '已回访', status_REDOING: '重办中', status_REDO: '重办中', status_CLOSED: '已办结',
  type_CONSULT: '咨询', type_HELP: '求助', type_COMPLAINT: '投诉', type_REPORT: '举报', type_SUGGESTION: '建议', type_PRAISE: '表扬',
  result_SOLVED: '已解决', result_EXPLAINED: '已解释说明', result_UNSOLVED: '未解决',
  visit_SATISFIED: '满意', visit_BASIC: '基本满意', visit_DISSATISFIED: '不满意',
  ev_RECEIVED: '接收工单', ev_LOCATED: '定位建案', ev_PLACED: '定位建案', ev_SIGNED: '签收', ev_RETURN_REQUESTED: '申请退单',
  ev_RETURN_APPROVED: '同意退单', ev_RETURN_REFUSED: '不同意退单', ev_EXTENSION_REQUESTED: '申请延期', ev_EXTEND_REQUESTED: '申请延期',
  ev_EXTENSION_APPROVED: '同意延期', ev_EXTEND_APPROVED: '同意延期', ev_EXTENSION_REFUSED: '不同意延期', ev_EXTEND_REFUSED: '不同意延期',
  ev_REPLIED: '回单', ev_VISITED: '回访', ev_REOPENED: '重办', ev_REDONE: '重办', ev_DUPLICATE: '重复推送',
  hLegendLocate: '待定位工单的选定位置', hCaller: '来电人', hUnplaced: '（未定位 / 未归属）', hTotal: '合计',
  hDepartmentNone: '（未归属部门）', hLegendOpen: '在办工单', hLegendLate: '已超时工单',
}, {
  hotlineTitle: '12345 hotline tickets', hTabLocate: 'To locate', hTabOpen: 'Open tickets', hTabMeasures: 'Measures', hTabAll: 'All tickets',
  hLoading: 'Loading…', hNone: 'No tickets', hBack: '← Back to the list', hSignIn: 'Sign in as a command-centre operator or administrator',
  hNotAllowed: 'This page is for the command centre (12345 hotline) only.', hApiMissing: 'The hotline API is not available',
  hTicket: 'Ticket', hNumber: 'Ticket number', hReceivedAt: 'Received', hSignBy: 'Sign by', hDueBy: 'Due by', hSignedAt: 'Signed',
  hSignedLate: 'signed late', hRequestType: 'Request type', hCategory: 'Category', hContent: 'Request', hAddress: 'Address', hCase: 'Case',
  hCaseStatus: 'Case status', hOpenCase: 'Open in the console', hHistory: 'History', hNoAddress: '(no address given)',
  hToSign: 'to sign', hSignLeft: 'to sign', hDueLeft: 'to close', hLate: 'late by', hLeft: 'left',
  hLocateHint: 'Click the place on the map, or find the building by its address, then press Locate.', hLocateHere: 'Locate here', hPicked: 'Picked',
  hBuildingCode: 'or a building code', hLocateBuilding: 'Locate at the building', hLocated: 'Located: the case is open',
  hSign: 'Sign', hReturn: 'Request return', hReturnReason: 'Reason for the return (required)', hApproveReturn: 'Approve return',
  hRefuseReturn: 'Refuse return', hExtend: 'Request extension', hExtendUntil: 'Extend until', hExtendReason: 'Reason',
  hApproveExtend: 'Approve extension', hRefuseExtend: 'Refuse extension',
  hReply: 'Reply', hReplyText: 'Reply text', hReplyResult: 'Result', hVisit: 'Follow-up call', hVisitResult: 'Caller says', hVisitNote: 'Notes',
  hNote: 'Note', hSend: 'Send', hCancel: 'Cancel', hDone: 'Done', hPendingReturn: 'Return requested, awaiting approval',
  hPendingExtend: 'Extension requested, awaiting approval', hReplyAfterResolved: 'A reply needs the case resolved first', hFieldErrors: 'Please check:',
  hPeriod: 'Period', hFrom: 'From', hTo: 'To', hBy: 'By', hByDepartment: 'Department', hByArea: 'Area', hLevel: 'Level',
  hLevelSubdistrict: 'Subdistrict', hLevelCommunity: 'Community', hRow: 'Unit', hTickets: 'Tickets',
  hSatisfactionNote: 'Satisfaction = (satisfied + basically satisfied) ÷ visited', hMeasuresNone: 'No tickets in this period',
  hRedone: 'Redo', hOpenTickets: 'open', hToLocateCount: 'to locate',
  m_signedOnTimeRate: 'Signed on time', m_closedOnTimeRate: 'Closed on time', m_returnRate: 'Returned', m_redoRate: 'Redone',
  m_visitRate: 'Visited', m_satisfactionRate: 'Satisfied', m_repliedOnTimeRate: 'Replied on time',
  status_TO_LOCATE: 'To locate', status_RECEIVED: 'To sign', status_OPEN: 'To sign', status_SIGNED: 'Signed',
  status_RETURN_REQUESTED: 'Return requested', status_RETURNED: 'Returned', status_EXTENSION_REQUESTED: 'Extension requested',
  status_EXTEND_REQUESTED: 'Extension requested', status_REPLIED: 'Replied', status_VISITED: 'Visited', status_REDOING: 'Being redone',
  status_REDO: 'Being redone', status_CLOSED: 'Closed',
  type_CONSULT: 'Enquiry', type_HELP: 'Help', type_COMPLAINT: 'Complaint', type_REPORT: 'Report', type_SUGGESTION: 'Suggestion', type_PRAISE: 'Praise',
  result_SOLVED: 'Solved', result_EXPLAINED: 'Explained', result_UNSOLVED: 'Not solved',
  visit_SATISFIED: 'Satisfied', visit_BASIC: 'Basically satisfied', visit_DISSATISFIED: 'Dissatisfied',
  ev_RECEIVED: 'Received', ev_LOCATED: 'Located, case opened', ev_PLACED: 'Located, case opened', ev_SIGNED: 'Signed',
  ev_RETURN_REQUESTED: 'Return requested', ev_RETURN_APPROVED: 'Return approved', ev_RETURN_REFUSED: 'Return refused',
  ev_EXTENSION_REQUESTED: 'Extension requested', ev_EXTEND_REQUESTED: 'Extension requested', ev_EXTENSION_APPROVED: 'Extension approved',
  ev_EXTEND_APPROVED: 'Extension approved', ev_EXTENSION_REFUSED: 'Extension refused', ev_EXTEND_REFUSED: 'Extension refused',
  ev_REPLIED: 'Replied', ev_VISITED: 'Follow-up call', ev_REOPENED: 'Reopened (redo)', ev_REDONE: 'Reopened (redo)', ev_DUPLICATE: 'Sent again',
  hLegendLocate: 'Place picked for a ticket', hCaller: 'Caller', hUnplaced: '(not located / no unit)', hTotal: 'Total',
  hDepartmentNone: '(no department)', hLegendOpen: 'Open ticket', hLegendLate: 'Late ticket',
});

export const REQUEST_TYPES = ['CONSULT', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE'];
export const REPLY_RESULTS = ['SOLVED', 'EXPLAINED', 'UNSOLVED'];
export const VISIT_RESULTS = ['SATISFIED', 'BASIC', 'DISSATISFIED'];
/** The hotline's measures in the order its bulletins print them. */
export const MEASURES = ['signedOnTimeRate', 'closedOnTimeRate', 'returnRate', 'redoRate', 'visitRate', 'satisfactionRate',
  'repliedOnTimeRate'];

/** A code from the server in the language on screen ('status', 'TO_LOCATE' → 待定位); an unknown code as itself. */
export function word(kind, code) {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${kind}_${code}`;
  const text = t(key);
  return text === key ? String(code) : text;
}
