/** The API as the UI uses it: same origin, the session cookie, JSON in and out, errors as ApiError. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let onSessionEnded = () => {};

/** Called when any call (other than the login itself) answers 401: the session is over. */
export function whenSessionEnds(handler) {
  onSessionEnded = handler;
}

export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined;
  const payload = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && path !== '/api/session') onSessionEnded(error);
    throw error;
  }
  return payload;
}

function toApiError(status, payload) {
  const code = payload?.error?.code ?? `HTTP_${status}`;
  const message = payload?.error?.message ?? `The server answered ${status}.`;
  return new ApiError(status, code, message);
}

/** Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadFile(file, { docType, onProgress }) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/documents');
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const payload = request.response ?? undefined;
      if (request.status === 401) onSessionEnded(toApiError(401, payload));
      resolve({ status: request.status, payload });
    });
    request.addEventListener('error', () =>
      reject(new ApiError(0, 'NETWORK', 'The upload did not reach the server.')),
    );
    const form = new FormData();
    if (docType) form.append('docType', docType);
    form.append('file', file, file.name);
    request.send(form);
  });
}
