// A banner for ADMIN when the SLA clock lacks a year's holidays: from 1 December the next year is due, and until
// someone enters it (PUT /api/v1/calendar/{year}) deadlines count Monday to Friday as working days.
import { getJson } from './api.js';
import { currentLang, onLanguageChange } from './i18n.js';

const TEXT = {
  zh: years => `${years} 年节假日安排尚未录入：SLA 期限暂按周一至周五计算。请按国务院办公厅通知录入放假和调休上班日。`,
  en: years => `The ${years} holiday schedule is not loaded: SLA deadlines count Monday to Friday as working days until an admin enters the State Council's holidays and make-up working days.`,
};

export async function showCalendarBanner(me) {
  const banner = document.getElementById('calendar-banner');
  if (!banner || !me || !me.roles.includes('ADMIN')) return;
  const { due } = await getJson('/api/v1/calendar');
  if (!due.length) return;
  const render = () => {
    const lang = currentLang() === 'en' ? 'en' : 'zh';
    banner.textContent = TEXT[lang](due.join(lang === 'en' ? ' and ' : '、'));
  };
  render();
  banner.dataset.years = due.join(',');
  banner.hidden = false;
  onLanguageChange(render);
}
