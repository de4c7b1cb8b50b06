// A photo picker: the phone's camera or gallery (input type=file), the chosen photos shown as thumbnails.
export function photoPicker(input, previews) {
  let files = [];
  const urls = [];
  const draw = () => {
    urls.splice(0).forEach(u => URL.revokeObjectURL(u));
    previews.innerHTML = '';
    for (const f of files) {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(f);
      urls.push(img.src);
      img.alt = f.name;
      previews.appendChild(img);
    }
  };
  input.addEventListener('change', () => { files = [...input.files]; draw(); });
  return {
    files: () => files,
    clear() { files = []; input.value = ''; draw(); },
  };
}

/** The outbox items that upload photos to a case ({id} filled from `needs` when the case is not known yet). */
export function photoItems(files, kind, { caseId, needs, label }) {
  return files.map((file, n) => ({ topic: 'case', caseId, needs,
    path: caseId ? `/api/v1/incidents/${encodeURIComponent(caseId)}/media` : '/api/v1/incidents/{id}/media',
    form: { file, name: file.name || `photo-${n + 1}.jpg`, kind },
    label: { zh: `${label.zh} · 照片 ${n + 1}`, en: `${label.en} · photo ${n + 1}` } }));
}
