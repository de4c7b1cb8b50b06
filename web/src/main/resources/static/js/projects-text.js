// The projects page's own texts (issue 15, 项目管理), and the words for the enum codes the API sends.
import { addTexts, t, currentLang } from './i18n.js';
import './projects-link.js';
import './community-link.js';
import './map-text.js';

addTexts({
  projectsTitle: '项目管理', pLevel: '层级', pCategory: '类别', pAllCategories: '全部类别', pFrom: '自', pTo: '至',
  pPercentile: '未满足需求阈值（百分位）', pLevel_grid: '网格', pLevel_community: '社区', pLevel_subdistrict: '街道',
  pLayerNeeds: '需求（每千人请求数）', pLayerUnmet: '未满足需求', pLayerProjects: '项目服务范围', pLegend: '图例',
  pRate: '每千人', pCount: '请求数', pCases: '案件', pBookings: '服务预约', pRecorded: '人工登记需求', pResidents: '人口',
  pThreshold: '阈值', pUnmetHint: '选择一个类别后显示未满足需求', pUnmetCount: '{n} 个未满足需求区域', pServedNone: '无在办项目服务',
  pNeedsStaffOnly: '需求地图仅对登录的工作人员开放', pUnavailable: '暂不可用', pLoading: '加载中…', pNone: '无',
  pShowCases: '查看背后的案件', pCasesOf: '{area} 的案件', pCaseId: '编号', pReported: '上报时间', pStatus: '状态', pMore: '更多',
  pNoCases: '没有案件', pBack: '返回列表', pRounds: '资助轮次', pProjects: '项目', pNoProjects: '没有可显示的项目',
  pPhase: '阶段', pBudget: '预算', pYear: '年度', pProvider: '承接机构', pLeadSocialWorker: '项目社工', pAreas: '服务区域',
  pTargetGroups: '服务对象', pCategories: '服务类别', pRound: '轮次', pSummary: '简介', pShowOnMap: '在地图上显示',
  pTimeline: '过程记录', pTranches: '资金拨付', pKpis: '绩效指标', pOutcomes: '项目成效', pReviews: '评审', pEvaluations: '评估',
  pTrancheSeq: '期', pAmount: '金额', pReleasedOn: '拨付节点', pReopened: '整改后恢复',
  pKpiBeneficiaries: '受益人数', pKpiSessions: '服务场次', pKpiSatisfaction: '满意度', pTarget: '目标',
  pCommitted: '已承诺资金', pDisbursed: '已拨付', pStopped: '已停拨', pCostPerBeneficiary: '人均成本', pGridsReached: '活动覆盖的目标网格',
  pReachShare: '覆盖比例', pRequestRate: '请求率变化（每千人每年）', pTargetGrids: '目标网格', pComparisonGrids: '对照网格（{n} 个）',
  pBefore: '之前', pAfter: '之后', pChange: '变化', pDid: '双重差分', pIndicative: '示意性数据，不构成因果结论',
  pBasis_UNIQUE: '按实名去重', pBasis_SUMMED: '按参与人次累加', pBasis_MIXED: '部分去重、部分累加',
  pNoOutcome: '暂无法计算：{reason}', 'pReason_no-days': '统计期没有天数', 'pReason_no-case-history': '没有案件历史', 'pReason_not-started': '项目尚未开始',
  'pReason_no-categories': '项目未设服务类别', 'pReason_no-target-residents': '目标网格没有人口数据', 'pReason_no-comparison-grids': '没有可对照的网格',
  pOutside: '{n} 次活动在服务范围外（未计入覆盖）',
  pAverageTotal: '平均总分', pReviewer: '评审专家', pTotal: '总分', pNote: '说明', pMyReview: '我的评分（已保存）',
  pScoreTitle: '评分', pScoreHint: '请为每一项评审标准打分（0–100），然后提交。', pWeight: '权重', pSubmitScores: '提交评分',
  pScoresStored: '评分已保存', pDeclareConflict: '申报利益冲突', pConflictReason: '冲突原因', pConflictDeclared: '已申报利益冲突，不再评分',
  pStage: '阶段', pAttempt: '第 {n} 次', pSelfReport: '自评报告', pCheck: '专家核查', pResult: '评估结果', pPublishedAt: '发布时间',
  pNotPublished: '尚未发布', pActions: '操作', pReason: '原因', pMethods: '核查方式', pResultNote: '结果说明',
  pDone: '已完成', pActorHidden: '', pFieldError: '{field}：{reason}', pNoReviewsYet: '还没有评分', pSynthetic: '演示数据（合成）',
  pPublicView: '公众视图：仅显示已立项项目及已发布的评估结果', pSep: '、',
}, {
  projectsTitle: 'Projects', pLevel: 'Level', pCategory: 'Category', pAllCategories: 'All categories', pFrom: 'From', pTo: 'To',
  pPercentile: 'Unmet demand above percentile', pLevel_grid: 'Grid', pLevel_community: 'Community', pLevel_subdistrict: 'Subdistrict',
  pLayerNeeds: 'Needs (requests per 1,000)', pLayerUnmet: 'Unmet demand', pLayerProjects: 'Project service areas', pLegend: 'Legend',
  pRate: 'per 1,000', pCount: 'Requests', pCases: 'Cases', pBookings: 'Bookings', pRecorded: 'Needs recorded by hand', pResidents: 'Residents',
  pThreshold: 'Threshold', pUnmetHint: 'Choose a category to see unmet demand', pUnmetCount: '{n} areas with unmet demand',
  pServedNone: 'No serving project', pNeedsStaffOnly: 'The needs map is for signed-in staff', pUnavailable: 'unavailable',
  pLoading: 'Loading…', pNone: 'None', pShowCases: 'Show the cases behind it', pCasesOf: 'Cases in {area}', pCaseId: 'Id',
  pReported: 'Reported', pStatus: 'Status', pMore: 'More', pNoCases: 'No cases', pBack: 'Back to the list', pRounds: 'Funding rounds',
  pProjects: 'Projects', pNoProjects: 'No projects to show', pPhase: 'Phase', pBudget: 'Budget', pYear: 'Year', pProvider: 'Provider',
  pLeadSocialWorker: 'Lead social worker', pAreas: 'Target areas', pTargetGroups: 'Target groups', pCategories: 'Categories',
  pRound: 'Round', pSummary: 'Summary', pShowOnMap: 'Show on the map', pTimeline: 'Timeline', pTranches: 'Tranches', pKpis: 'KPIs',
  pOutcomes: 'Outcomes', pReviews: 'Reviews', pEvaluations: 'Evaluations', pTrancheSeq: 'No.', pAmount: 'Amount',
  pReleasedOn: 'Released on', pReopened: 'reopened after rectification', pKpiBeneficiaries: 'Beneficiaries', pKpiSessions: 'Sessions',
  pKpiSatisfaction: 'Satisfaction', pTarget: 'Target', pCommitted: 'Committed', pDisbursed: 'Disbursed', pStopped: 'Stopped',
  pCostPerBeneficiary: 'Cost per beneficiary', pGridsReached: 'Target grids reached by activities', pReachShare: 'Share reached',
  pRequestRate: 'Change in request rate (per 1,000 a year)', pTargetGrids: 'Target grids', pComparisonGrids: 'Comparison grids ({n})',
  pBefore: 'Before', pAfter: 'After', pChange: 'Change', pDid: 'Difference in differences',
  pIndicative: 'Indicative only: not evidence of cause', pBasis_UNIQUE: 'unique persons', pBasis_SUMMED: 'participants summed',
  pBasis_MIXED: 'partly unique, partly summed', pNoOutcome: 'Cannot be computed yet: {reason}', 'pReason_no-days': 'a period has no days',
  'pReason_no-case-history': 'no case history', 'pReason_not-started': 'the project has not started',
  'pReason_no-categories': 'the project names no category', 'pReason_no-target-residents': 'no residents recorded in the target grids',
  'pReason_no-comparison-grids': 'no comparison grids', pOutside: '{n} activities outside the service area (not counted as reach)', pAverageTotal: 'Average total',
  pReviewer: 'Reviewer', pTotal: 'Total', pNote: 'Note', pMyReview: 'My scores (stored)', pScoreTitle: 'Score',
  pScoreHint: 'Score every criterion (0–100), then submit.', pWeight: 'Weight', pSubmitScores: 'Submit scores',
  pScoresStored: 'Scores stored', pDeclareConflict: 'Declare a conflict of interest', pConflictReason: 'Reason for the conflict',
  pConflictDeclared: 'Conflict of interest declared: you do not score this one', pStage: 'Stage', pAttempt: 'attempt {n}',
  pSelfReport: 'Self-report', pCheck: 'Reviewer\'s check', pResult: 'Result', pPublishedAt: 'Published', pNotPublished: 'Not published yet',
  pActions: 'Actions', pReason: 'Reason', pMethods: 'Check methods', pResultNote: 'Note on the result', pDone: 'Done', pActorHidden: '',
  pFieldError: '{field}: {reason}', pNoReviewsYet: 'No scores yet', pSynthetic: 'Demo data (synthetic)',
  pPublicView: 'Public view: approved projects and published results only', pSep: ', ',
});

/** The words for the enum codes the API sends, per group. */
const WORDS = {
  zh: {
    status: { APPLIED: '已申报', SHORTLISTED: '入围', DECLINED: '未入选', APPROVED: '已立项', CONTRACTED: '已签约承接', RUNNING: '实施中',
      MIDTERM_REVIEW: '中期评估', RECTIFYING: '整改中', FINAL_REVIEW: '结项评估', CLOSED: '已结项', TERMINATED: '已终止' },
    kind: { SOCIAL_WORK_DEMONSTRATION: '社工示范项目', VENTURE_PHILANTHROPY: '公益创投项目', SERVICE_PURCHASE: '政府购买服务' },
    phase: { NEEDS: '需求征集', CALL_OPEN: '申报中', REVIEW: '评审中', RUNNING: '实施期', CLOSED: '已结束' },
    group: { ELDERLY: '老年人', CHILDREN: '儿童', YOUTH: '青少年', DISABLED: '残疾人', LOW_INCOME: '困难群众', VETERANS: '退役军人',
      NEW_RESIDENTS: '新市民', ALL_RESIDENTS: '全体居民' },
    releasedOn: { CONTRACT: '签约时', MIDTERM: '中期评估通过后', FINAL: '结项评估通过后' },
    tranche: { PENDING: '待拨付', RELEASED: '已拨付', STOPPED: '已停拨' },
    stage: { MIDTERM: '中期评估', FINAL: '结项评估' },
    result: { PASS: '通过', RECTIFY: '限期整改', FAIL: '不通过' },
    method: { DOCUMENTS: '查阅资料', PHONE: '电话回访', SITE_VISIT: '实地走访' },
    action: { APPLIED: '申报', APPLY: '申报', SHORTLISTED: '入围', SHORTLIST: '入围', DECLINED: '不予入选', DECLINE: '不予入选',
      APPROVED: '立项', APPROVE: '立项', CONTRACTED: '签约承接', CONTRACT: '签约承接', STARTED: '启动实施', START: '启动实施',
      SELF_REPORT: '提交自评', SELF_REPORTED: '提交自评', CHECK: '专家核查', CHECKED: '专家核查', PUBLISH: '发布评估结果',
      PUBLISHED: '发布评估结果', TERMINATE: '终止', TERMINATED: '终止', REVIEW: '评分', REVIEWED: '评分', CONFLICT: '申报利益冲突',
      CONFLICT_DECLARED: '申报利益冲突', STARTED: '启动实施', SELF_REPORTED: '提交自评', CHECKED: '专家核查', REVIEWED: '评分' },
    role: { ADMIN: '管理员', FUNDER: '民政局', REVIEWER: '评审专家', ORGANISATION_STAFF: '承接机构', PLANNER: '规划人员', SYSTEM: '系统' },
    button: { shortlist: '入围', decline: '不予入选', approve: '立项', contract: '签约承接', start: '启动实施', check: '提交核查',
      publish: '发布评估结果', terminate: '终止项目', selfReport: '提交自评报告' },
  },
  en: {
    status: { APPLIED: 'Applied', SHORTLISTED: 'Shortlisted', DECLINED: 'Declined', APPROVED: 'Approved', CONTRACTED: 'Contracted',
      RUNNING: 'Running', MIDTERM_REVIEW: 'Mid-term review', RECTIFYING: 'Rectifying', FINAL_REVIEW: 'Final review', CLOSED: 'Closed',
      TERMINATED: 'Terminated' },
    kind: { SOCIAL_WORK_DEMONSTRATION: 'Social-work demonstration', VENTURE_PHILANTHROPY: 'Venture philanthropy',
      SERVICE_PURCHASE: 'Purchase of service' },
    phase: { NEEDS: 'Collecting needs', CALL_OPEN: 'Call open', REVIEW: 'In review', RUNNING: 'Running', CLOSED: 'Closed' },
    group: { ELDERLY: 'Elderly', CHILDREN: 'Children', YOUTH: 'Youth', DISABLED: 'Disabled', LOW_INCOME: 'Low income', VETERANS: 'Veterans',
      NEW_RESIDENTS: 'New residents', ALL_RESIDENTS: 'All residents' },
    releasedOn: { CONTRACT: 'on contract', MIDTERM: 'after mid-term pass', FINAL: 'after final pass' },
    tranche: { PENDING: 'Pending', RELEASED: 'Released', STOPPED: 'Stopped' },
    stage: { MIDTERM: 'Mid-term review', FINAL: 'Final review' },
    result: { PASS: 'Pass', RECTIFY: 'Rectify', FAIL: 'Fail' },
    method: { DOCUMENTS: 'Documents', PHONE: 'Phone calls', SITE_VISIT: 'Site visit' },
    action: { APPLIED: 'Applied', APPLY: 'Applied', SHORTLISTED: 'Shortlisted', SHORTLIST: 'Shortlisted', DECLINED: 'Declined',
      DECLINE: 'Declined', APPROVED: 'Approved', APPROVE: 'Approved', CONTRACTED: 'Contracted', CONTRACT: 'Contracted',
      STARTED: 'Started', START: 'Started', SELF_REPORT: 'Self-report', SELF_REPORTED: 'Self-report', CHECK: 'Reviewer\'s check',
      CHECKED: 'Reviewer\'s check', PUBLISH: 'Result published', PUBLISHED: 'Result published', TERMINATE: 'Terminated',
      TERMINATED: 'Terminated', REVIEW: 'Scored', REVIEWED: 'Scored', CONFLICT: 'Conflict declared', CONFLICT_DECLARED: 'Conflict declared' },
    role: { ADMIN: 'Admin', FUNDER: 'Civil-affairs bureau', REVIEWER: 'Reviewer', ORGANISATION_STAFF: 'Provider', PLANNER: 'Planner', SYSTEM: 'System' },
    button: { shortlist: 'Shortlist', decline: 'Decline', approve: 'Approve', contract: 'Contract', start: 'Start', check: 'Submit check',
      publish: 'Publish result', terminate: 'Terminate', selfReport: 'Submit the self-report' },
  },
};

/** A code's word in the current language (the code itself when the page has no word for it). */
export function word(group, code) {
  if (code == null) return '';
  return WORDS[currentLang() === 'en' ? 'en' : 'zh'][group]?.[code] ?? String(code);
}

/** A text with {name} placeholders filled. */
export function fill(key, values) { return t(key).replace(/\{(\w+)\}/g, (_, k) => values[k] ?? ''); }
