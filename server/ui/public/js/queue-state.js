/**
 * The order of the queue the reviewer last looked at, so Next and Previous on the document screen walk it
 * without another round trip. Kept per browser tab.
 */
const KEY = 'paperwork.queue';

export function rememberQueue(tasks, query) {
  const entries = tasks.map((task) => ({ taskId: task.id, documentId: task.documentId }));
  sessionStorage.setItem(KEY, JSON.stringify({ entries, query }));
}

export function recalledQueue() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return saved && Array.isArray(saved.entries) ? saved : { entries: [], query: '' };
  } catch {
    return { entries: [], query: '' };
  }
}

/** The document `step` places after (or before, with -1) this one; undefined at the end. */
export function neighbour(documentId, step) {
  const { entries } = recalledQueue();
  const index = entries.findIndex((entry) => entry.documentId === documentId);
  return (index === -1 ? entries[step > 0 ? 0 : entries.length - 1] : entries[index + step])?.documentId;
}

/** Drops a decided document, so Next never comes back to it. */
export function forget(documentId) {
  const saved = recalledQueue();
  saved.entries = saved.entries.filter((entry) => entry.documentId !== documentId);
  sessionStorage.setItem(KEY, JSON.stringify(saved));
}
