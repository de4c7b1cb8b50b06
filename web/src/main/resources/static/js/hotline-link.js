// The menu link to the hotline page (12345 热线工单, issue 17) that the staff pages carry: its words in both languages,
// shown only to the command centre (OPERATOR, ADMIN). Loaded by those pages on their own; it puts the link into the
// page's navigation itself, so that no page's markup needs to know who may see it.
import { addTexts, apply, t } from './i18n.js';

addTexts({ hotlinePage: '12345热线' }, { hotlinePage: '12345 hotline' });
apply();

const HOTLINE_ROLES = ['OPERATOR', 'ADMIN'];

async function addLink() {
  if (location.pathname === '/hotline.html' || document.getElementById('hotline-link')) return;
  let me;
  try {
    const response = await fetch('/api/v1/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin' });
    if (!response.ok) return;
    me = await response.json();
  } catch {
    return; // signed out or the server restarting: no link
  }
  if (!(me.roles || []).some(r => HOTLINE_ROLES.includes(r))) return;
  const nav = document.querySelector('header nav');
  if (!nav) return;
  const link = document.createElement('a');
  link.id = 'hotline-link';
  link.href = '/hotline.html';
  link.dataset.i18n = 'hotlinePage';
  link.textContent = t('hotlinePage');
  const holder = nav.querySelector('#nav-links') || nav;
  const before = holder === nav ? nav.querySelector('#user') : null;
  holder.insertBefore(link, before);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addLink);
  else addLink();
}
