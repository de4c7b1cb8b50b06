// Uploads one file to a publication (multipart, the session's XSRF token along); a refusal becomes an error whose
// message is the server's problem, worded in the language on screen.
import { acceptLanguage, ProblemError } from './api.js';

function xsrf() {
  const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.split('=')[1]) : null;
}

export async function upload(publicationId, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': acceptLanguage() };
  const token = xsrf();
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch(`/api/v1/publications/${publicationId}/attachments`, { method: 'POST', body: form, headers,
    credentials: 'same-origin' });
  const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const reason = data?.errors?.[0]?.reason;
    throw new ProblemError(reason ? { ...data, detail: reason } : (data || { title: response.statusText }), response.status);
  }
  return data;
}
