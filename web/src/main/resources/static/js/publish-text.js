// The publishing page's own texts (issue 17, 信息发布): kinds, statuses, levels and the page's words, zh and en.
// Codes from the server are worded here: word('kind', 'NOTICE').
import { addTexts, t } from './i18n.js';

export const KINDS = ['NOTICE', 'GOVERNMENT_AFFAIRS', 'COMMUNITY_AFFAIRS', 'FINANCES', 'SERVICE_GUIDE', 'CONSULTATION_RESULT',
  'PROJECT_RESULT'];

addTexts({
  pubTitle: '信息发布', publishPage: '信息发布', pubWrite: '撰写', pubKind: '类型', pubArea: '发布范围', pubTitleField: '标题',
  pubBody: '正文', pubBodyHint: '纯文本；如含 HTML 也按原文显示', pubValidFrom: '生效日期', pubValidTo: '截止日期',
  pubValidToHint: '不填则一直有效，直到撤回', pubPublisher: '发布单位', pubPublisherHint: '不填则为：{office}',
  pubGuide: '办事指南', pubItem: '事项', pubEligibility: '办理对象', pubMaterials: '所需材料', pubMaterialsHint: '每行一项',
  pubServicePoint: '办理地点', pubNoPoint: '（不指定）', pubHours: '办理时间', pubFees: '收费标准', pubTimeLimit: '办理时限',
  pubContact: '咨询电话', pubContactHint: '办公电话，勿填个人手机', pubFiles: '附件', pubFilesHint: 'PDF、PNG、JPEG、DOCX、XLSX，每个不超过 10 MB',
  pubSaveDraft: '存为草稿', pubSubmit: '提交', pubPublishNow: '发布', pubSubmitForReview: '提交审核',
  pubReviewedHint: '在此范围发布需经社区审核后公开。', pubDirectHint: '在此范围发布将立即公开。',
  pubSaved: '已存为草稿', pubPublished: '已发布', pubSentForReview: '已提交审核', pubApproved: '已审核通过并发布',
  pubRejected: '已退回', pubWithdrawn: '已撤回', pubUploadFailed: '附件 {name} 未上传：{why}',
  pubTabDrafts: '我的草稿', pubTabQueue: '待审核', pubTabPublished: '已发布', pubTabMine: '我提交的',
  pubNone: '没有记录', pubLoading: '加载中…', pubSignIn: '请先登录：信息发布供区、街、居、格信息员及物业、社会组织使用。',
  pubNotPublisher: '本账号不能发布信息。', pubNoAreas: '本账号没有可发布的区域。',
  pubApprove: '通过', pubReject: '退回', pubWithdraw: '撤回', pubNote: '审核意见', pubNoteRequired: '退回须填写理由',
  pubWithdrawNote: '撤回说明', pubOpenPortal: '在公开页查看', pubValid: '有效期', pubUntilWithdrawn: '长期',
  pubPublishedAt: '发布于', pubReads: '阅读 {n}', pubBy: '发布单位', pubReviewNote: '审核意见', pubWrittenBy: '撰写人',
  pubCheck: '请检查：', pubAttachments: '附件',
  'kind.NOTICE': '通知公告', 'kind.GOVERNMENT_AFFAIRS': '政务公开', 'kind.COMMUNITY_AFFAIRS': '社务公开', 'kind.FINANCES': '财务公开',
  'kind.SERVICE_GUIDE': '办事指南', 'kind.CONSULTATION_RESULT': '议事结果', 'kind.PROJECT_RESULT': '项目成果',
  'status.DRAFT': '草稿', 'status.PENDING_REVIEW': '待审核', 'status.PUBLISHED': '已发布', 'status.REJECTED': '已退回',
  'status.WITHDRAWN': '已撤回',
  'level.DISTRICT': '区', 'level.SUBDISTRICT': '街道', 'level.COMMUNITY': '社区', 'level.GRID': '网格',
  'publisher.OFFICER': '信息员', 'publisher.PROPERTY_COMPANY': '物业公司', 'publisher.ORGANISATION': '社会组织',
}, {
  pubTitle: 'Publishing', publishPage: 'Publishing', pubWrite: 'Write', pubKind: 'Kind', pubArea: 'For the area', pubTitleField: 'Title',
  pubBody: 'Text', pubBodyHint: 'Plain text; any HTML in it is shown as written', pubValidFrom: 'From', pubValidTo: 'Until',
  pubValidToHint: 'Empty: until withdrawn', pubPublisher: 'Published by', pubPublisherHint: 'Empty: {office}',
  pubGuide: 'Service guide', pubItem: 'Service', pubEligibility: 'Who is eligible', pubMaterials: 'Materials to bring',
  pubMaterialsHint: 'one per line', pubServicePoint: 'Where', pubNoPoint: '(none)', pubHours: 'Hours', pubFees: 'Fees',
  pubTimeLimit: 'Time limit', pubContact: 'Enquiries', pubContactHint: 'an office line, not a personal mobile',
  pubFiles: 'Attachments', pubFilesHint: 'PDF, PNG, JPEG, DOCX, XLSX; at most 10 MB each',
  pubSaveDraft: 'Save draft', pubSubmit: 'Submit', pubPublishNow: 'Publish', pubSubmitForReview: 'Submit for review',
  pubReviewedHint: 'Here it is shown after the community has reviewed it.', pubDirectHint: 'Here it is shown at once.',
  pubSaved: 'Saved as a draft', pubPublished: 'Published', pubSentForReview: 'Sent for review', pubApproved: 'Approved and published',
  pubRejected: 'Sent back', pubWithdrawn: 'Withdrawn', pubUploadFailed: '{name} was not attached: {why}',
  pubTabDrafts: 'My drafts', pubTabQueue: 'To review', pubTabPublished: 'Published', pubTabMine: 'Submitted by me',
  pubNone: 'Nothing here', pubLoading: 'Loading…',
  pubSignIn: 'Sign in first: publishing is for officers of district, subdistrict, community and grid, property companies and organisations.',
  pubNotPublisher: 'This account cannot publish.', pubNoAreas: 'This account has no area to publish for.',
  pubApprove: 'Approve', pubReject: 'Send back', pubWithdraw: 'Withdraw', pubNote: 'Review note', pubNoteRequired: 'Say why it is sent back',
  pubWithdrawNote: 'Why it is withdrawn', pubOpenPortal: 'See on the public page', pubValid: 'Valid', pubUntilWithdrawn: 'until withdrawn',
  pubPublishedAt: 'Published', pubReads: '{n} reads', pubBy: 'Published by', pubReviewNote: 'Review note', pubWrittenBy: 'Written by',
  pubCheck: 'Please check:', pubAttachments: 'Attachments',
  'kind.NOTICE': 'Notice', 'kind.GOVERNMENT_AFFAIRS': 'Government affairs', 'kind.COMMUNITY_AFFAIRS': 'Community affairs',
  'kind.FINANCES': 'Finances', 'kind.SERVICE_GUIDE': 'Service guide', 'kind.CONSULTATION_RESULT': 'Consultation result',
  'kind.PROJECT_RESULT': 'Project result',
  'status.DRAFT': 'Draft', 'status.PENDING_REVIEW': 'Awaiting review', 'status.PUBLISHED': 'Published', 'status.REJECTED': 'Sent back',
  'status.WITHDRAWN': 'Withdrawn',
  'level.DISTRICT': 'District', 'level.SUBDISTRICT': 'Subdistrict', 'level.COMMUNITY': 'Community', 'level.GRID': 'Grid',
  'publisher.OFFICER': 'Officer', 'publisher.PROPERTY_COMPANY': 'Property company', 'publisher.ORGANISATION': 'Organisation',
});

/** A server code worded: word('kind', 'NOTICE'). */
export function word(group, code) { return t(`${group}.${code}`); }

/** A text with {name} placeholders filled. */
export function fill(key, values) { return t(key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)); }
