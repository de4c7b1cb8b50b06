// Photos of a case: uploads with progress (XMLHttpRequest: fetch reports no upload progress) and a gallery of
// thumbnails that opens the public copy when tapped. Copies are fetched with the reader's headers (the reporter's
// Follow-Token, which an <img src> cannot send) and shown as blob: URLs.
import { t } from './i18n.js';
import { escapeHtml } from './layers.js';
import { acceptLanguage } from './api.js';

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : null;
}

/** The server's limits: {maxBytes, maxPerCase, maxFromReporter, types, kinds}. */
export async function mediaSettings() {
  const r = await fetch('/api/v1/media/settings', { headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage() } });
  return r.ok ? r.json() : { maxBytes: 10485760, maxPerCase: 30, maxFromReporter: 6, types: [], kinds: ['REPORT'] };
}

/**
 * Uploads one file to case {@code caseId}; resolves with the stored photo, rejects with an Error carrying the
 * problem. {@code key}: the Idempotency-Key, so that a retry after a lost answer stores the photo once.
 */
export function uploadPhoto(caseId, file, { kind = 'REPORT', token = null, key = null, onProgress = () => {} } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/incidents/${encodeURIComponent(caseId)}/media`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept-Language', acceptLanguage());
    const csrf = xsrf();
    if (csrf) xhr.setRequestHeader('X-XSRF-TOKEN', csrf);
    if (token) xhr.setRequestHeader('Follow-Token', token);
    if (key) xhr.setRequestHeader('Idempotency-Key', key);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(1); resolve(body); return; }
      const reasons = (body?.errors || []).map(x => x.reason).join('; ');
      const err = new Error(reasons || body?.detail || body?.title || `HTTP ${xhr.status}`);
      err.problem = body;
      err.status = xhr.status;
      reject(err);
    };
    xhr.onerror = () => reject(new Error(t('uploadNetwork')));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    xhr.send(form);
  });
}

async function blobUrl(url, headers) {
  const r = await fetch(url, { headers, credentials: 'same-origin' });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return URL.createObjectURL(await r.blob());
}

/** Fills {@code container} with the case's photos: a thumbnail each, tapped to enlarge; HEIC shown as a note. */
export function showPhotos(container, media, token = null) {
  const headers = token ? { 'Follow-Token': token } : {};
  container.innerHTML = '';
  if (!media || !media.length) return;
  for (const m of media) {
    const figure = document.createElement('figure');
    figure.className = 'photo';
    figure.dataset.kind = m.kind;
    figure.dataset.id = m.id;
    const caption = `<figcaption>${escapeHtml(t('photo_' + m.kind))}</figcaption>`;
    if (!m.thumbnailUrl) {
      // No public copy (HEIC): staff, who have the original, get it as a download.
      const original = m.originalUrl ? `<br><a href="${escapeHtml(m.originalUrl)}" download>${escapeHtml(t('photoOriginal'))}</a>` : '';
      figure.innerHTML = `<div class="no-copy">${escapeHtml(t('photoNoCopy'))}${original}</div>${caption}`;
      container.append(figure);
      continue;
    }
    figure.innerHTML = `<button type="button" class="thumb" aria-label="${escapeHtml(t('photoEnlarge'))}"><img alt="${escapeHtml(t('photo_' + m.kind))}"></button>${caption}`;
    const img = figure.querySelector('img');
    blobUrl(m.thumbnailUrl, headers).then(u => { img.src = u; }).catch(() => { img.alt = t('photoFailed'); });
    figure.querySelector('button').addEventListener('click', () => enlarge(m, headers));
    container.append(figure);
  }
}

async function enlarge(m, headers) {
  let box = document.getElementById('photo-lightbox');
  if (!box) {
    box = document.createElement('dialog');
    box.id = 'photo-lightbox';
    box.className = 'lightbox';
    box.innerHTML = `<button type="button" class="close" aria-label="close">×</button><img alt="">`;
    box.addEventListener('click', () => box.close());
    document.body.append(box);
  }
  const img = box.querySelector('img');
  img.alt = t('photo_' + m.kind);
  img.src = '';
  box.showModal();
  try {
    img.src = await blobUrl(m.url, headers);
  } catch {
    img.alt = t('photoFailed');
  }
}
