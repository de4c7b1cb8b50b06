// The consultation page's own texts (issue 16, 议事厅): statuses, sources, kinds and the page's words, zh and en.
// Codes from the server (statuses, kinds, choices) are worded here: word('topicStatus', 'ACCEPTED').
import { addTexts, t, currentLang } from './i18n.js';
import './console-convene.js'; // the case statuses' words, IN_CONSULTATION among them

addTexts({
  consultation: '议事厅', consultationTitle: '议事厅',
  cCommunity: '社区', cStatus: '状态', cSource: '来源', cAll: '全部', cLoading: '加载中…', cNone: '没有记录',
  cTabTopics: '议题', cTabMeetings: '会议', cTabDecisions: '决议', cTabTasks: '任务',
  cPublicNote: '未登录：仅显示已公开的决议及其落实情况。', cSignIn: '登录后可查看议题、会议和任务',
  cNotStaff: '本账号只能查看公开的决议。', cBack: '← 返回列表',
  cTopic: '议题', cBody: '议事机构', cCases: '关联案件', cSupporters: '附议人数', cMeetings: '会议', cDecision: '决议',
  cTasks: '任务', cSupervision: '监督评议', cProposer: '提出人', cReason: '理由', cDescription: '说明',
  cAccept: '受理', cDecline: '不予受理', cDeclineReason: '不予受理的理由', cPlanMeeting: '安排会议',
  cRecordAttendance: '登记出席', cRecordDecision: '形成决议', cAddTask: '添加任务', cAddEvidence: '添加佐证',
  cMarkDone: '标记完成', cVerify: '验收', cReject: '退回', cSupervise: '监督评议', cPublish: '公开', cMinutes: '会议纪要',
  cCancelMeeting: '取消会议', cSave: '保存', cCancel: '取消',
  cMeetingTitle: '会议名称', cStartsAt: '开始', cEndsAt: '结束', cPlace: '地点', cPickServicePoint: '在地图上点选服务站点',
  cPlaceName: '或填写地点名称', cPlaceOnMap: '在地图上点击放置地点', cAgenda: '议程（已受理的议题）', cInvitees: '邀请方',
  cInviteeName: '名称', cAddInvitee: '添加邀请方',
  cMembers: '成员', cVoting: '有表决权', cPresent: '出席', cAttendees: '到会总人数', cQuorum: '法定人数',
  cQuorumMet: '达到法定人数', cQuorumNotMet: '未达到法定人数', cQuorumNeed: '需 {need} 人，到会 {present} 人',
  cNoQuorumCannotDecide: '未达到法定人数，不能形成决议。',
  cMethod: '方式', cText: '决议内容', cVotes: '表决', cFor: '赞成', cAgainst: '反对', cAbstain: '弃权', cNoVote: '未投',
  cAdopted: '通过', cNotAdopted: '未通过', cPublished: '已公开', cNotPublished: '未公开',
  cTaskTitle: '任务', cOwner: '责任方', cOwnerKind: '责任方类型', cOwnerName: '责任方名称', cDueOn: '期限',
  cOverdueDays: '已超期 {n} 天', cEvidence: '佐证', cEvidenceNote: '佐证说明', cNote: '说明',
  cMember: '监督委员会成员', cResult: '结果', cDate: '日期', cAt: '时间', cDueToday: '今日到期',
  cOverdueOnly: '只看超期', cCaseLink: '在指挥台打开', cDone: '已保存', cFieldErrors: '请检查：',
  cLayerBodies: '议事机构（所辖区域）', cLayerMeetings: '会议', cLayerDecisions: '决议', cLayerOpenTopics: '有未结议题的网格',
  cLayerServicePoints: '服务站点', cLegend: '图例', cOpenTopics: '未结议题', cOverdueTasks: '超期任务',
  cMembersInTerm: '在任成员', cConstitutedOn: '成立日期', cTopicsCount: '议题数', cDecisionsAdopted: '通过的决议',
  cFrom: '自', cTo: '至', cMeetingPlanned: '会议已安排', cNoMembers: '该机构没有在任成员',
}, {
  consultation: 'Consultation hall', consultationTitle: 'Consultation hall',
  cCommunity: 'Community', cStatus: 'Status', cSource: 'Source', cAll: 'All', cLoading: 'Loading…', cNone: 'Nothing yet',
  cTabTopics: 'Topics', cTabMeetings: 'Meetings', cTabDecisions: 'Decisions', cTabTasks: 'Tasks',
  cPublicNote: 'Signed out: published decisions and how they were carried out only.',
  cSignIn: 'Sign in to see topics, meetings and tasks', cNotStaff: 'This account sees published decisions only.',
  cBack: '← Back to the list',
  cTopic: 'Topic', cBody: 'Body', cCases: 'Linked cases', cSupporters: 'Supporters', cMeetings: 'Meetings', cDecision: 'Decision',
  cTasks: 'Tasks', cSupervision: 'Supervision', cProposer: 'Proposed by', cReason: 'Reason', cDescription: 'Description',
  cAccept: 'Accept', cDecline: 'Decline', cDeclineReason: 'Why it is declined', cPlanMeeting: 'Plan a meeting',
  cRecordAttendance: 'Record attendance', cRecordDecision: 'Record a decision', cAddTask: 'Add a task', cAddEvidence: 'Add evidence',
  cMarkDone: 'Mark done', cVerify: 'Verify', cReject: 'Send back', cSupervise: 'Supervision check', cPublish: 'Publish',
  cMinutes: 'Minutes', cCancelMeeting: 'Cancel the meeting', cSave: 'Save', cCancel: 'Cancel',
  cMeetingTitle: 'Meeting title', cStartsAt: 'Starts', cEndsAt: 'Ends', cPlace: 'Place', cPickServicePoint: 'Pick a service point on the map',
  cPlaceName: 'or name a place', cPlaceOnMap: 'Click the map to place it', cAgenda: 'Agenda (accepted topics)', cInvitees: 'Invited parties',
  cInviteeName: 'Name', cAddInvitee: 'Add a party',
  cMembers: 'Members', cVoting: 'Voting', cPresent: 'Present', cAttendees: 'People present in all', cQuorum: 'Quorum',
  cQuorumMet: 'Quorum met', cQuorumNotMet: 'No quorum', cQuorumNeed: '{need} needed, {present} present',
  cNoQuorumCannotDecide: 'No quorum: this meeting cannot decide.',
  cMethod: 'Method', cText: 'Decision text', cVotes: 'Votes', cFor: 'For', cAgainst: 'Against', cAbstain: 'Abstain', cNoVote: 'No vote',
  cAdopted: 'Adopted', cNotAdopted: 'Not adopted', cPublished: 'Published', cNotPublished: 'Not published',
  cTaskTitle: 'Task', cOwner: 'Owner', cOwnerKind: 'Owner kind', cOwnerName: 'Owner name', cDueOn: 'Due',
  cOverdueDays: '{n} days overdue', cEvidence: 'Evidence', cEvidenceNote: 'Evidence note', cNote: 'Note',
  cMember: 'Supervision committee member', cResult: 'Result', cDate: 'Date', cAt: 'When', cDueToday: 'Due today',
  cOverdueOnly: 'Overdue only', cCaseLink: 'Open in the console', cDone: 'Saved', cFieldErrors: 'Please check:',
  cLayerBodies: 'Bodies (their areas)', cLayerMeetings: 'Meetings', cLayerDecisions: 'Decisions', cLayerOpenTopics: 'Grids with open topics',
  cLayerServicePoints: 'Service points', cLegend: 'Legend', cOpenTopics: 'Open topics', cOverdueTasks: 'Overdue tasks',
  cMembersInTerm: 'Members in term', cConstitutedOn: 'Constituted', cTopicsCount: 'Topics', cDecisionsAdopted: 'Decisions adopted',
  cFrom: 'From', cTo: 'To', cMeetingPlanned: 'Meeting planned', cNoMembers: 'The body has no members in term',
});

/** Enum codes worded in the language on screen. */
const WORDS = {
  zh: {
    topicStatus: { PROPOSED: '待受理', ACCEPTED: '已受理', DECLINED: '不予受理', DECIDED: '已定事', NOT_AGREED: '未形成一致',
      CARRIED_OUT: '已落实', CHECKED: '已监督' },
    source: { RESIDENT_PROPOSAL: '居民提议', CASES: '案件', NEED: '需求', BODY: '上级机构' },
    meetingStatus: { PLANNED: '已安排', HELD: '已召开', CANCELLED: '已取消' },
    taskStatus: { OPEN: '进行中', DONE: '已完成', VERIFIED: '已验收' },
    method: { VOTE: '表决', CONSENSUS: '协商一致' },
    choice: { FOR: '赞成', AGAINST: '反对', ABSTAIN: '弃权' },
    ownerKind: { PERSON: '个人', TEAM: '队伍', PROPERTY_COMPANY: '物业公司', ORGANISATION: '社会组织' },
    inviteeKind: { RESIDENT: '居民', PROPERTY_COMPANY: '物业公司', DEPARTMENT: '职能部门', ORGANISATION: '社会组织', BODY: '议事机构' },
    result: { SATISFACTORY: '满意', UNSATISFACTORY: '不满意' },
    bodyKind: { RESIDENTS_CONGRESS: '居民代表大会', RESIDENTS_COMMITTEE: '居民委员会', SUPERVISION_COMMITTEE: '居务监督委员会',
      GRID_COUNCIL: '网格议事会', COMPOUND_COUNCIL: '楼院协管会', PARTY_COMMITTEE: '社区党委', PARTY_BRANCH: '网格党支部',
      PARTY_GROUP: '楼院党小组' },
    role: { CHAIR: '主任', DEPUTY_CHAIR: '副主任', SECRETARY: '书记', DEPUTY_SECRETARY: '副书记', MEMBER: '委员', REPRESENTATIVE: '代表' },
  },
  en: {
    topicStatus: { PROPOSED: 'Proposed', ACCEPTED: 'Accepted', DECLINED: 'Declined', DECIDED: 'Decided', NOT_AGREED: 'Not agreed',
      CARRIED_OUT: 'Carried out', CHECKED: 'Checked' },
    source: { RESIDENT_PROPOSAL: 'Resident proposal', CASES: 'Cases', NEED: 'Need', BODY: 'A body' },
    meetingStatus: { PLANNED: 'Planned', HELD: 'Held', CANCELLED: 'Cancelled' },
    taskStatus: { OPEN: 'Open', DONE: 'Done', VERIFIED: 'Verified' },
    method: { VOTE: 'Vote', CONSENSUS: 'Consensus' },
    choice: { FOR: 'For', AGAINST: 'Against', ABSTAIN: 'Abstain' },
    ownerKind: { PERSON: 'Person', TEAM: 'Team', PROPERTY_COMPANY: 'Property company', ORGANISATION: 'Organisation' },
    inviteeKind: { RESIDENT: 'Residents', PROPERTY_COMPANY: 'Property company', DEPARTMENT: 'Department', ORGANISATION: 'Organisation',
      BODY: 'Body' },
    result: { SATISFACTORY: 'Satisfactory', UNSATISFACTORY: 'Unsatisfactory' },
    bodyKind: { RESIDENTS_CONGRESS: "Residents' congress", RESIDENTS_COMMITTEE: "Residents' committee",
      SUPERVISION_COMMITTEE: 'Supervision committee', GRID_COUNCIL: 'Grid council', COMPOUND_COUNCIL: 'Compound council',
      PARTY_COMMITTEE: 'Party committee', PARTY_BRANCH: 'Party branch', PARTY_GROUP: 'Party group' },
    role: { CHAIR: 'Chair', DEPUTY_CHAIR: 'Deputy chair', SECRETARY: 'Secretary', DEPUTY_SECRETARY: 'Deputy secretary', MEMBER: 'Member',
      REPRESENTATIVE: 'Representative' },
  },
};

/** An enum code in words: word('topicStatus', 'ACCEPTED'); an unknown code shows as itself. */
export function word(kind, code) {
  if (code === null || code === undefined) return '—';
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  return WORDS[lang][kind]?.[code] ?? String(code);
}

/** Fills {name} holes in a text: fill('cOverdueDays', { n: 3 }). */
export function fill(key, values) {
  return t(key).replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

export const TOPIC_STATUSES = Object.keys(WORDS.zh.topicStatus);
export const SOURCES = Object.keys(WORDS.zh.source);
export const OWNER_KINDS = Object.keys(WORDS.zh.ownerKind);
export const INVITEE_KINDS = Object.keys(WORDS.zh.inviteeKind);
