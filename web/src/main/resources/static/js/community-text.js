// The community workbench's own texts (issue 14, 社区工作台), and the words for the enum codes the API sends.
import { addTexts, t } from './i18n.js';
import './community-link.js';

addTexts({
  workbench: '社区工作台', chooseCommunity: '社区', periodFrom: '自', periodTo: '至', desertService: '服务盲区',
  desertNone: '（选择一项服务）', desertDistance: '步行距离', metres: '米',
  notForRole: '社区工作台供社区、街道工作人员和管理员使用。', notLinked: '该账号未关联社区（人员名册）。',
  unavailable: '暂不可用', loadingLayer: '加载中…', none: '无', listSep: '、',
  // figures strip
  figuresOf: '{name}，{from} 至 {to}', figOrganisations: '服务组织', figIncubated: '孵化中', figGraduated: '已出壳',
  figVolunteers: '志愿者', figVolunteersPer1000: '每千人志愿者', figActivities: '活动', figVolunteerHours: '志愿服务时长（小时）',
  figActivePer1000: '每千人活跃志愿者', figBookings: '预约', figFulfilled: '已服务', figPropertyCases: '物业先办案件',
  figPropertyOnTime: '物业按时首响率', figPropertyClosedShare: '物业办结占比', figureUnavailable: '该项数据暂不可用',
  // layers and legend
  layerOrgAreas: '组织服务范围', layerPropertyAreas: '物业服务小区', layerServicePoints: '服务点位', layerActivities: '活动',
  layerDensity: '志愿者密度（每千人）', layerBookings: '服务预约', layerDeserts: '服务盲区', layerGrids: '网格界线',
  layerCommunity: '社区界线', legendTitle: '图例', upcoming: '即将开展', recent: '近期已开展',
  bookingOpen: '待服务', bookingFulfilled: '已服务', bookingNotFulfilled: '未能服务',
  desertLegend: '{service}：{distance} 米内无服务点的网格', desertChoose: '选择服务后显示',
  // lists
  tabOrganisations: '组织', tabVolunteers: '志愿者', tabActivities: '活动', tabBookings: '预约', tabServicePoints: '服务点',
  tabDeserts: '盲区', listEmpty: '没有记录', serviceAreas: '服务范围', incubation: '创益工场', contact: '联系人',
  openingHours: '开放时间', runBy: '运营组织', address: '地址', attendance: '签到人数', hours: '小时', starts: '开始', ends: '结束',
  skills: '技能', homeGrid: '所在网格', stars: '星级', certificate: '资格', phoneMasked: '电话',
  bookedAt: '预约时间', offer: '服务', residentsAffected: '受影响人口', nearestPoint: '最近服务点', totalAffected: '合计受影响人口',
  methodStraight: '按直线距离计算（未载入路网）', methodNetwork: '按路网步行距离计算', gridName: '网格', residentsShort: '人口',
  showOnMap: '在地图上显示', propertyOf: '物业', servedFrom: '服务期',
  // enum codes
  org_SOCIAL_ORGANISATION: '社会组织', org_PROPERTY_COMPANY: '物业服务企业', org_SERVICE_PROVIDER: '服务机构',
  org_LAW_FIRM: '律师事务所', org_RESIDENT_UNIT: '驻区单位',
  stage_APPLIED: '已申请入驻', stage_INCUBATING: '孵化中', stage_GRADUATED: '已出壳',
  area_COMPOUND: '小区', area_GRID: '网格', area_COMMUNITY: '社区',
  sp_COMMUNITY_SERVICE_CENTRE: '社区服务中心', sp_PARTY_SERVICE_CENTRE: '党群服务中心', sp_PARTY_MEMBER_STUDIO: '党员工作室',
  sp_MEDIATION_ROOM: '调解室', sp_POLICE_ROOM: '警务室', sp_LEGAL_SERVICE_POINT: '法律服务点', sp_ELDERLY_CARE_STATION: '养老驿站',
  svc_MEAL_ASSISTANCE: '助餐', svc_HOME_VISIT: '上门探访', svc_HOUSEKEEPING: '家政', svc_DELIVERY: '配送', svc_LEGAL_ADVICE: '法律咨询',
  svc_ELDERLY_DAY_CARE: '日间照料', svc_MEDIATION: '调解', svc_COUNSELLING: '心理疏导', svc_HEALTH_CARE: '医疗护理', svc_REPAIR: '维修',
  act_NEIGHBOUR_FESTIVAL: '邻居节', act_SERVICE_FAIR: '便民服务大集', act_TRAINING: '培训', act_VOLUNTEER_SERVICE: '志愿服务',
  act_OTHER: '其他活动',
  vol_VOLUNTEER: '志愿者', vol_SOCIAL_WORKER: '社会工作者',
  cert_ASSISTANT: '助理社会工作师', cert_INTERMEDIATE: '社会工作师', cert_SENIOR: '高级社会工作师',
  wd_1: '周一', wd_2: '周二', wd_3: '周三', wd_4: '周四', wd_5: '周五', wd_6: '周六', wd_7: '周日',
}, {
  workbench: 'Community workbench', chooseCommunity: 'Community', periodFrom: 'From', periodTo: 'to', desertService: 'Service deserts',
  desertNone: '(choose a service)', desertDistance: 'Walking distance', metres: 'm',
  notForRole: 'The community workbench is for community and subdistrict staff and administrators.',
  notLinked: 'This account is not linked to a community (roster).',
  unavailable: 'unavailable', loadingLayer: 'loading…', none: 'none', listSep: ', ',
  figuresOf: '{name}, {from} to {to}', figOrganisations: 'Organisations', figIncubated: 'Incubating', figGraduated: 'Graduated',
  figVolunteers: 'Volunteers', figVolunteersPer1000: 'Volunteers per 1,000', figActivities: 'Activities',
  figVolunteerHours: 'Volunteer hours', figActivePer1000: 'Active volunteers per 1,000', figBookings: 'Bookings',
  figFulfilled: 'Fulfilled', figPropertyCases: 'Property-first cases', figPropertyOnTime: 'Property first response on time',
  figPropertyClosedShare: 'Closed by the property company', figureUnavailable: 'This figure is unavailable',
  layerOrgAreas: "Organisations' service areas", layerPropertyAreas: 'Compounds served by property companies',
  layerServicePoints: 'Service points', layerActivities: 'Activities', layerDensity: 'Volunteers per 1,000 residents',
  layerBookings: 'Bookings', layerDeserts: 'Service deserts', layerGrids: 'Grid boundary', layerCommunity: 'Community boundary',
  legendTitle: 'Legend', upcoming: 'Upcoming', recent: 'Recent',
  bookingOpen: 'Open', bookingFulfilled: 'Fulfilled', bookingNotFulfilled: 'Not fulfilled',
  desertLegend: '{service}: grids with no point within {distance} m', desertChoose: 'shown once a service is chosen',
  tabOrganisations: 'Organisations', tabVolunteers: 'Volunteers', tabActivities: 'Activities', tabBookings: 'Bookings',
  tabServicePoints: 'Points', tabDeserts: 'Deserts', listEmpty: 'Nothing recorded', serviceAreas: 'Serves',
  incubation: 'Incubator (创益工场)', contact: 'Contact', openingHours: 'Opening hours', runBy: 'Run by', address: 'Address',
  attendance: 'Signed in', hours: 'h', starts: 'Starts', ends: 'Ends', skills: 'Skills', homeGrid: 'Home grid', stars: 'Stars',
  certificate: 'Certificate', phoneMasked: 'Phone', bookedAt: 'Booked for', offer: 'Service',
  residentsAffected: 'Residents affected', nearestPoint: 'Nearest point', totalAffected: 'Residents affected in all',
  methodStraight: 'Straight-line distance (no street network loaded)', methodNetwork: 'Walking distance on the street network',
  gridName: 'Grid', residentsShort: 'Residents', showOnMap: 'Show on the map', propertyOf: 'Property company', servedFrom: 'Served',
  org_SOCIAL_ORGANISATION: 'Social organisation', org_PROPERTY_COMPANY: 'Property company', org_SERVICE_PROVIDER: 'Service provider',
  org_LAW_FIRM: 'Law firm', org_RESIDENT_UNIT: 'Unit in the area',
  stage_APPLIED: 'Applied', stage_INCUBATING: 'Incubating', stage_GRADUATED: 'Graduated',
  area_COMPOUND: 'Compound', area_GRID: 'Grid', area_COMMUNITY: 'Community',
  sp_COMMUNITY_SERVICE_CENTRE: 'Community service centre', sp_PARTY_SERVICE_CENTRE: 'Party service centre',
  sp_PARTY_MEMBER_STUDIO: "Party member's studio", sp_MEDIATION_ROOM: 'Mediation room', sp_POLICE_ROOM: 'Police room',
  sp_LEGAL_SERVICE_POINT: 'Legal service point', sp_ELDERLY_CARE_STATION: 'Elderly care station',
  svc_MEAL_ASSISTANCE: 'Meal assistance', svc_HOME_VISIT: 'Home visits', svc_HOUSEKEEPING: 'Housekeeping', svc_DELIVERY: 'Delivery',
  svc_LEGAL_ADVICE: 'Legal advice', svc_ELDERLY_DAY_CARE: 'Elderly day care', svc_MEDIATION: 'Mediation',
  svc_COUNSELLING: 'Counselling', svc_HEALTH_CARE: 'Health care', svc_REPAIR: 'Repairs',
  act_NEIGHBOUR_FESTIVAL: 'Neighbour festival', act_SERVICE_FAIR: 'Service fair', act_TRAINING: 'Training',
  act_VOLUNTEER_SERVICE: 'Volunteer service', act_OTHER: 'Other activity',
  vol_VOLUNTEER: 'Volunteer', vol_SOCIAL_WORKER: 'Social worker',
  cert_ASSISTANT: 'Assistant social worker', cert_INTERMEDIATE: 'Social worker', cert_SENIOR: 'Senior social worker',
  wd_1: 'Mon', wd_2: 'Tue', wd_3: 'Wed', wd_4: 'Thu', wd_5: 'Fri', wd_6: 'Sat', wd_7: 'Sun',
});

/** An enum code as the page words it ({@code prefix_CODE}); the code itself, lower-cased, when the page has no word yet. */
export function word(prefix, code) {
  if (code == null || code === '') return '';
  const key = `${prefix}_${code}`;
  const text = t(key);
  return text === key ? String(code).toLowerCase().replaceAll('_', ' ') : text;
}

/** A text with its {name} placeholders filled in. */
export function fill(key, values) { return t(key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)); }

/** Opening hours or availability ([{weekday, from, to}]) as "周一 09:00–12:00; 周二 …", consecutive days with equal hours joined. */
export function weekHours(slots) {
  if (!Array.isArray(slots) || !slots.length) return '—';
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || String(a.from).localeCompare(String(b.from)));
  const byHours = [];
  for (const s of sorted) {
    const hours = `${hhmm(s.from)}–${hhmm(s.to)}`, last = byHours[byHours.length - 1];
    if (last && last.hours === hours && last.to === s.weekday - 1) last.to = s.weekday;
    else if (last && last.hours === hours && last.to === s.weekday) continue;
    else byHours.push({ from: s.weekday, to: s.weekday, hours });
  }
  return byHours.map(r => `${word('wd', r.from)}${r.to > r.from ? `–${word('wd', r.to)}` : ''} ${r.hours}`).join('; ');
}

/** A local time as hours and minutes ("09:00" from "09:00:00"). */
function hhmm(time) { return String(time ?? '').slice(0, 5); }
