// The resident page's own words (intake and following a case), in Chinese and English; shared ones are in i18n.js.
import { addTexts } from './i18n.js';

addTexts({
  chooseCategory: '请选择', categoryRequired: '请选择类别',
  keepLink: '请保存这个链接，凭它可随时查看进度、在结案后评价：', copyLink: '复制链接', copied: '已复制',
  locationUnavailable: '此浏览器无法获取位置，请输入地址或在地图上点击',
  resident_REPORTED: '您的反映已收到', resident_REGISTERED: '已受理立案', resident_REJECTED: '未予受理（已注销）',
  resident_DISPATCHED: '已派给 {unit} 处理', resident_REDISPATCHED: '已改派给 {unit} 处理', resident_STARTED: '{unit} 开始处理',
  resident_RESOLVED: '{unit} 已处理完毕，等待核查', resident_VERIFIED: '指挥中心已核查处理结果', resident_CLOSED: '已结案',
  resident_RETURNED: '退回指挥中心，将重新派遣', resident_EXTENDED: '处理期限已延长', resident_PARKED: '暂时无法解决，已挂账跟踪',
  resident_UNPARKED: '恢复处理', resident_REOPENED: '重新处理（返工）', resident_ESCALATED: '已转交 {unit} 处理',
  resident_MERGED: '与同一问题的其他反映合并处理', resident_TRANSFERRED: '已移交公安机关', resident_ANSWERED: '已答复并办结',
  resident_FEEDBACK: '您的评价：{rating}',
  handledBy: '办理单位', resolutionTitle: '处理结果', resolvedAt: '处理时间', resolutionPhotos: '处置后照片', resolutionLink: '处理照片链接',
  otherPhotos: '其他照片', timelineTitle: '办理过程', noResolutionYet: '尚未处理完毕',
  rateTitle: '您对处理结果满意吗？', rating_SATISFIED: '满意', rating_BASICALLY_SATISFIED: '基本满意', rating_UNSATISFIED: '不满意',
  rateComment: '意见（可选）', rateSend: '提交评价', rateNeedsChoice: '请选择满意程度',
  reworkHint: '在 {until} 前选择“不满意”，案件将退回重新处理（返工）。',
  ratedReopened: '已收到您的评价。案件已退回重新处理（返工），新的处理期限见上方。',
  ratedTooLate: '已收到您的评价。结案已超过 {days} 天，案件不再退回重新处理。', ratedThanks: '感谢您的评价。',
  rateNeedsToken: '评价需要上报时取得的查询码。', reopenedNow: '返工处理中', commandCentreHolds: '指挥中心（受理、派遣中）',
}, {
  chooseCategory: 'Choose…', categoryRequired: 'Choose a category',
  keepLink: 'Keep this link: it shows the progress at any time, and lets you rate the result once the case is closed:',
  copyLink: 'Copy link', copied: 'Copied',
  locationUnavailable: 'This browser cannot tell your position: type the address or click the map',
  resident_REPORTED: 'We received your report', resident_REGISTERED: 'Accepted and registered', resident_REJECTED: 'Not accepted (cancelled)',
  resident_DISPATCHED: 'Sent to {unit}', resident_REDISPATCHED: 'Sent on to {unit}', resident_STARTED: '{unit} started work on it',
  resident_RESOLVED: '{unit} finished the work; awaiting the check', resident_VERIFIED: 'The command centre checked the work',
  resident_CLOSED: 'Closed', resident_RETURNED: 'Returned to the command centre, to be sent again', resident_EXTENDED: 'More time was granted',
  resident_PARKED: 'Cannot be solved for now; kept on record', resident_UNPARKED: 'Work resumed', resident_REOPENED: 'Reopened for rework',
  resident_ESCALATED: 'Passed on to {unit}', resident_MERGED: 'Handled together with another report of the same problem',
  resident_TRANSFERRED: 'Handed to the police', resident_ANSWERED: 'Answered and closed', resident_FEEDBACK: 'You rated it: {rating}',
  handledBy: 'Handled by', resolutionTitle: 'How it was resolved', resolvedAt: 'Resolved', resolutionPhotos: 'Photos after the work',
  resolutionLink: 'Photo link of the work', otherPhotos: 'Other photos', timelineTitle: 'What happened', noResolutionYet: 'Not resolved yet',
  rateTitle: 'Are you satisfied with the result?', rating_SATISFIED: 'Satisfied', rating_BASICALLY_SATISFIED: 'Basically satisfied',
  rating_UNSATISFIED: 'Unsatisfied', rateComment: 'Comment (optional)', rateSend: 'Send rating', rateNeedsChoice: 'Choose how satisfied you are',
  reworkHint: 'Choosing "Unsatisfied" before {until} sends the case back for rework.',
  ratedReopened: 'Thank you. The case was sent back for rework; its new deadline is shown above.',
  ratedTooLate: 'Thank you. The case closed more than {days} days ago, so it is not reopened.', ratedThanks: 'Thank you for your rating.',
  rateNeedsToken: 'Rating needs the follow code you received when reporting.', reopenedNow: 'Being reworked',
  commandCentreHolds: 'The command centre (registering and sending it on)',
});

// The link to the public portal (issue 17).
addTexts({ residentPortal: '社区公开' }, { residentPortal: 'Community portal' });
