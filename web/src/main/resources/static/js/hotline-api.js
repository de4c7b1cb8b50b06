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
  const answer = await getJson(`${BASE}/measures?${q}`);
  return Array.isArray(answer) ? answer : answer?.rows ?? [];
}

/** Where a ticket is finished with: returned to the hotline, or visited and not sent back for a redo. */
const FINISHED = new Set(['RETURNED', 'VISITED', 'CLOSED']);
export const isOpen = t => t.status !== 'TO_LOCATE' && !FINISHED.has(t.status);
export const signed = t => Boolean(t.signedAt);

/** The deadline running now: 签收 until signed, then 办结. */
export function runningDeadline(t) {
  if (!signed(t) && t.signBy) return { kind: 'sign', at: t.signBy };
  return t.dueBy ? { kind: 'due', at: t.dueBy } : null;
}

const CASE_DONE = new Set(['RESOLVED', 'VERIFIED', 'CLOSED']);
/** Whether the case is handled far enough for a 回单 (the server checks it again). */
export const caseResolved = t => CASE_DONE.has(t.caseStatus ?? t.case?.status);

/**
 * The steps a ticket offers now. The server refuses an out-of-order step (409) anyway; the page shows only the
 * sensible ones so the operator is not offered a step that cannot succeed.
 */
export function stepsOf(t) {
  if (t.status === 'TO_LOCATE') return ['locate'];
  if (t.status === 'RETURN_REQUESTED') return ['returnApprove', 'returnRefuse'];
  if (t.status === 'EXTENSION_REQUESTED' || t.status === 'EXTEND_REQUESTED') return ['extendApprove', 'extendRefuse'];
  if (FINISHED.has(t.status)) return [];
  if (!signed(t)) return ['sign', 'return'];
  if (t.status === 'REPLIED') return ['visit'];
  return ['reply', 'extend', 'return'];
}
