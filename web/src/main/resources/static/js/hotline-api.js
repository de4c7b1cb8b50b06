// Part D's hotline API as the page reads it (GET/POST /api/v1/hotline/...), and the few facts the page derives from a
// ticket: whether it is still open, which deadline runs now, which steps of the loop it offers.
import { getJson, postJson } from './api.js';

const BASE = '/api/v1/hotline';
export const listOf = answer => (Array.isArray(answer) ? answer : answer?.items ?? answer?.tickets ?? []);
const path = number => `${BASE}/tickets/${encodeURIComponent(number)}`;

export async function tickets(params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return listOf(await getJson(`${BASE}/tickets${q.size ? `?${q}` : ''}`));
}

export const ticket = number => getJson(path(number));

/** One step of the loop: 'sign', 'return', 'return/approve', 'extend', 'reply', 'visit', 'locate', … */
export const step = (number, name, body = {}) => postJson(`${path(number)}/${name}`, body);

export async function measures({ from, to, by, level }) {
  const q = new URLSearchParams({ from, to, by });
  if (by === 'area' && level) q.set('level', level);
  return getJson(`${BASE}/measures?${q}`); // {from, to, by, level, rows, total}
}

/** Finished with: returned to the hotline (退单), or visited and not sent back for a redo (重办 goes back to SIGNED). */
const FINISHED = new Set(['RETURNED', 'VISITED']);
export const isOpen = t => t.status !== 'TO_LOCATE' && !FINISHED.has(t.status);
export const signed = t => Boolean(t.signedAt);
const caseStatus = t => t.incident?.status ?? null;

/** The deadline running now: 签收 until signed, then 办结 until replied; none after the reply. */
export function runningDeadline(t) {
  if (FINISHED.has(t.status) || t.status === 'REPLIED') return null;
  if (!signed(t) && t.signBy) return { kind: 'sign', at: t.signBy };
  return t.dueBy ? { kind: 'due', at: t.dueBy } : null;
}

const CASE_DONE = new Set(['RESOLVED', 'VERIFIED', 'CLOSED']);
/** Whether the case is handled far enough for a 回单 (the server checks it again). */
export const caseResolved = t => CASE_DONE.has(caseStatus(t));
/** 退单 is for a ticket whose case nobody has taken up yet (still REPORTED). */
const caseStillNew = t => !t.caseId || caseStatus(t) === 'REPORTED';

/**
 * The steps a ticket offers now, as part D's loop allows them. The server refuses an out-of-order step (409) anyway;
 * the page shows only the sensible ones so that the operator is not offered a step that cannot succeed.
 */
export function stepsOf(t) {
  if (t.status === 'TO_LOCATE') return ['locate'];
  if (t.pending?.kind === 'RETURN') return ['returnApprove', 'returnRefuse'];
  if (t.pending?.kind === 'EXTEND') return ['extendApprove', 'extendRefuse'];
  if (t.status === 'REPLIED') return ['visit'];
  const steps = [];
  if (t.status === 'RECEIVED') steps.push('sign');
  if (t.status === 'SIGNED' && caseResolved(t)) steps.push('reply');
  if (t.status === 'RECEIVED' || t.status === 'SIGNED') {
    steps.push('extend');
    if (caseStillNew(t)) steps.push('return');
  }
  return steps;
}
