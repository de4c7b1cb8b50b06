// The volunteer's sign-in page's texts (checkin.html), in both languages.
import { addTexts } from './i18n.js';

addTexts({
  checkinTitle: '活动签到', checkinIn: '签到', checkinOut: '签退', checkinSignIn: '登录', checkinVolunteerId: '志愿者编号',
  checkinPositionNote: '签到、签退时会读取手机定位，须在活动地点附近。',
  checkinNeedSignIn: '请先登录志愿者账户，再扫码签到。', checkinNoActivity: '二维码不完整：请重新扫描活动二维码。',
  checkinYou: '志愿者：', checkinOnBehalf: '代志愿者签到：请输入志愿者编号。', checkinLocating: '正在获取定位……',
  checkinNoPosition: '无法获取定位：请允许浏览器使用位置信息后重试。', checkinSignedIn: '已签到：', checkinSignedOut: '已签退：',
  checkinHours: (m, h) => `服务 ${m} 分钟，计 ${h} 小时`,
  checkinTooFar: (d, r) => `您距活动地点 ${d} 米，须在 ${r} 米内签到。`,
  checkinKind: { NEIGHBOUR_FESTIVAL: '邻居节', SERVICE_FAIR: '便民服务大集', TRAINING: '培训', VOLUNTEER_SERVICE: '志愿服务', OTHER: '其他活动' },
}, {
  checkinTitle: 'Sign in to an activity', checkinIn: 'Sign in', checkinOut: 'Sign out', checkinSignIn: 'Sign in', checkinVolunteerId: 'Volunteer number',
  checkinPositionNote: 'Signing in and out reads your phone\'s position: you must be at the activity\'s place.',
  checkinNeedSignIn: 'Sign in with your volunteer account first, then scan the code again.', checkinNoActivity: 'The QR code is incomplete: scan the activity\'s code again.',
  checkinYou: 'Volunteer: ', checkinOnBehalf: 'Signing a volunteer in on their behalf: enter their number.', checkinLocating: 'Finding your position…',
  checkinNoPosition: 'No position: allow the browser to use your location and try again.', checkinSignedIn: 'Signed in: ', checkinSignedOut: 'Signed out: ',
  checkinHours: (m, h) => `${m} minutes of service, credited ${h} h`,
  checkinTooFar: (d, r) => `You are ${d} m from the activity's place; sign in within ${r} m.`,
  checkinKind: { NEIGHBOUR_FESTIVAL: 'Neighbour festival', SERVICE_FAIR: 'Service fair', TRAINING: 'Training', VOLUNTEER_SERVICE: 'Volunteer service', OTHER: 'Other activity' },
});
