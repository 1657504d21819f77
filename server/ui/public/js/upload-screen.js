import { announce } from './announce.js';
import { uploadFile } from './api.js';
import { h, replace, route } from './dom.js';
import { DOC_TYPES } from './format.js';

const PARALLEL_UPLOADS = 2;

/** Drop files or pick them; each uploads on its own, with its own progress bar and its own answer. */
export function renderUploadScreen(main) {
  const input = h('input', {
    id: 'upload-input',
    type: 'file',
    multiple: true,
    accept: '.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*',
    class: 'visually-hidden',
    // The drop zone is the one stop in the tab order for choosing files.
    tabindex: '-1',
  });
  const docType = h(
    'select',
    { id: 'upload-type', name: 'docType' },
    h('option', { value: '' }, 'Detect automatically'),
    DOC_TYPES.map((t) => h('option', { value: t }, t)),
  );
  const zone = h(
    'label',
    { for: 'upload-input', class: 'dropzone', id: 'upload-zone', role: 'button' },
    h('strong', {}, 'Drop PDFs or images here'),
    h('span', {}, ' or press Enter to choose files'),
  );
  zone.tabIndex = 0;
  const list = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  replace(
    main,
    h('h1', {}, 'Upload'),
    h('div', { class: 'filter' }, h('label', { for: 'upload-type' }, 'Document type'), docType),
    zone,
    input,
    list,
  );

  const start = (files) => {
    if (files.length === 0) return;
    announce(`Uploading ${files.length} file${files.length === 1 ? '' : 's'}.`);
    const jobs = files.map((file) => () => uploadOne(file, docType.value, list));
    const next = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    };
    void Promise.all(Array.from({ length: PARALLEL_UPLOADS }, next)).then(() =>
      announce('Uploads finished.'),
    );
  };
  input.addEventListener('change', () => {
    start([...input.files]);
    input.value = '';
  });
  zone.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.click();
    }
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-dragging');
    start([...(event.dataTransfer?.files ?? [])]);
  });
}

async function uploadOne(file, docType, list) {
  const progress = h('progress', { max: '100', value: '0', 'aria-label': `Upload of ${file.name}` });
  const outcome = h('span', { class: 'outcome' }, 'Waiting…');
  list.append(h('li', {}, h('span', { class: 'file-name' }, file.name), progress, outcome));
  try {
    const { status, payload } = await uploadFile(file, {
      docType,
      onProgress: (share) => {
        progress.value = Math.round(share * 100);
        outcome.textContent = `${Math.round(share * 100)}%`;
      },
    });
    progress.value = 100;
    const accepted = payload?.documents ?? [];
    const rejected = payload?.rejected ?? [];
    if (status < 300 && accepted.length > 0) {
      const [document] = accepted;
      replace(
        outcome,
        document.isDuplicate ? 'Already uploaded: ' : 'Accepted: ',
        h('a', { href: route('documents', document.id) }, 'open'),
      );
    } else {
      const error = rejected[0]?.error ?? payload?.error;
      outcome.classList.add('error');
      outcome.textContent = `Refused: ${error?.message ?? `the server answered ${status}.`}`;
    }
  } catch (caught) {
    outcome.classList.add('error');
    outcome.textContent = caught.message;
  }
}
