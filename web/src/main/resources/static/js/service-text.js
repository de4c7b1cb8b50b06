// Words for places and services (issue 14 §2): the kinds of service point, the catalogue's services, bookings and
// service deserts, in both languages. The server sends codes; pages word them here (import and call the helpers).
import { addTexts, t } from './i18n.js';

addTexts({
  pk_COMMUNITY_SERVICE_CENTRE: '社区服务中心', pk_PARTY_SERVICE_CENTRE: '党群服务中心', pk_PARTY_MEMBER_STUDIO: '党员工作室',
  pk_MEDIATION_ROOM: '调解室', pk_POLICE_ROOM: '警务室', pk_LEGAL_SERVICE_POINT: '法律服务点', pk_ELDERLY_CARE_STATION: '养老驿站',
  sv_MEAL_ASSISTANCE: '助餐', sv_HOME_VISIT: '上门探访', sv_HOUSEKEEPING: '家政', sv_DELIVERY: '配送', sv_LEGAL_ADVICE: '法律咨询',
  sv_ELDERLY_DAY_CARE: '日间照料', sv_MEDIATION: '调解', sv_COUNSELLING: '心理疏导', sv_HEALTH_CARE: '医疗护理', sv_REPAIR: '维修',
  bookingOpen: '待服务', bookingFulfilled: '已完成', bookingNotFulfilled: '未完成', bookingFree: '免费', bookingPrice: '{p} 元',
  bookingFromCase: '由诉求 {c} 转来', openingHours: '开放时间', officeHours: '服务时间', runBy: '运营机构',
  desertsTitle: '服务盲区：{s}（{d} 米内无服务点）', desertsAffected: '受影响居民', desertsNearest: '最近服务点',
  'desertMethod_straight-line': '按直线距离计算（未载入路网）', 'desertMethod_street-network': '按路网步行距离计算',
  weekday1: '周一', weekday2: '周二', weekday3: '周三', weekday4: '周四', weekday5: '周五', weekday6: '周六', weekday7: '周日',
}, {
  pk_COMMUNITY_SERVICE_CENTRE: 'Community service centre', pk_PARTY_SERVICE_CENTRE: 'Party service centre',
  pk_PARTY_MEMBER_STUDIO: 'Party member studio', pk_MEDIATION_ROOM: 'Mediation room', pk_POLICE_ROOM: 'Police room',
  pk_LEGAL_SERVICE_POINT: 'Legal service point', pk_ELDERLY_CARE_STATION: 'Elderly care station',
  sv_MEAL_ASSISTANCE: 'Meal assistance', sv_HOME_VISIT: 'Home visits', sv_HOUSEKEEPING: 'Housekeeping', sv_DELIVERY: 'Delivery',
  sv_LEGAL_ADVICE: 'Legal advice', sv_ELDERLY_DAY_CARE: 'Elderly day care', sv_MEDIATION: 'Mediation', sv_COUNSELLING: 'Counselling',
  sv_HEALTH_CARE: 'Health care', sv_REPAIR: 'Repairs',
  bookingOpen: 'Open', bookingFulfilled: 'Fulfilled', bookingNotFulfilled: 'Not fulfilled', bookingFree: 'Free', bookingPrice: '¥{p}',
  bookingFromCase: 'From request {c}', openingHours: 'Opening hours', officeHours: 'Office hours', runBy: 'Run by',
  desertsTitle: 'Service deserts: {s} (no point within {d} m)', desertsAffected: 'Residents affected', desertsNearest: 'Nearest point',
  'desertMethod_straight-line': 'Straight-line distance (no street network loaded)',
  'desertMethod_street-network': 'Walking distance along streets',
  weekday1: 'Mon', weekday2: 'Tue', weekday3: 'Wed', weekday4: 'Thu', weekday5: 'Fri', weekday6: 'Sat', weekday7: 'Sun',
});

/** A service point's kind in the current language. */
export function pointKindName(code) { return t('pk_' + code); }

/** A service of the catalogue in the current language. */
export function serviceName(code) { return t('sv_' + code); }

/** A booking's state: open until its fulfilment is recorded. */
export function bookingState(booking) {
  if (!booking.fulfilment) return t('bookingOpen');
  return booking.fulfilment.fulfilled ? t('bookingFulfilled') : t('bookingNotFulfilled');
}

/** How the deserts were measured, said to the reader (straight-line unless a street network is loaded). */
export function desertMethod(method) { return t('desertMethod_' + method); }

/** Weekly hours as "周一 08:30–17:00" / "Mon 08:30–17:00". */
export function weeklyHours(hours) {
  return (hours || []).map(h => `${t('weekday' + h.weekday)} ${String(h.from).slice(0, 5)}–${String(h.to).slice(0, 5)}`).join(', ');
}

/** A price in yuan, or free. */
export function priceText(price) { return price == null ? t('bookingFree') : t('bookingPrice').replace('{p}', price); }
