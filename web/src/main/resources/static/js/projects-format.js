// How the projects page writes numbers and money, in the language on screen.
import { currentLang } from './i18n.js';

const locale = () => (currentLang() === 'en' ? 'en-GB' : 'zh-CN');

export function number(n, digits = 0) {
  return n == null || n === '' ? '—' : Number(n).toLocaleString(locale(), { maximumFractionDigits: digits });
}

/** Yuan with two decimals. */
export function money(n) {
  return n == null ? '—' : `¥${Number(n).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A share (0..1) as a percentage. */
// toPrecision drops the binary noise of the product (0.8765 * 100 = 87.64999…), so that it rounds as the decimal does.
export function share(n) { return n == null ? '—' : `${number(Number((Number(n) * 100).toPrecision(12)), 1)}%`; }

/** A signed change. */
export function change(n, digits = 2) { return n == null ? '—' : `${Number(n) > 0 ? '+' : ''}${number(n, digits)}`; }
