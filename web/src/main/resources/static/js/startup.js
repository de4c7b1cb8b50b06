// While the server starts (loading its state, importing the demo data) its API answers 503. Every page waits here
// first: it shows the progress from GET /api/v1/status ("正在导入演示数据 3/6：…"), polls, and goes on once the
// server is ready, instead of failing on its first request.
import { currentLang, onLanguageChange } from './i18n.js';

const POLL_MS = 2000;
const UNREACHABLE = { ready: false, done: 0, total: 0,
  message: { zh: '正在连接服务器 …', en: 'Connecting to the server …' } };

async function status() {
  try {
    const response = await fetch('/api/v1/status', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.ok) return await response.json();
  } catch {
    // the server is restarting or not listening yet: keep waiting
  }
  return UNREACHABLE;
}

/** Resolves once the server is ready; until then shows its progress at the top of the page. */
export async function whenReady() {
  let now = await status();
  if (now.ready) return;
  const box = document.createElement('div');
  box.id = 'startup-progress';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const text = document.createElement('span');
  const bar = document.createElement('progress');
  box.append(text, bar);
  document.body.prepend(box);
  const render = () => {
    text.textContent = currentLang() === 'en' ? now.message.en : now.message.zh;
    bar.max = Math.max(now.total, 1);
    bar.value = now.done;
  };
  render();
  onLanguageChange(render);
  while (!now.ready) {
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    now = await status();
    render();
  }
  box.remove();
}
