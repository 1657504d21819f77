/** How values and times read on screen. */
export const STATUS_LABELS = {
  received: 'Received',
  parsing: 'Reading',
  extracting: 'Extracting',
  auto_approved: 'Auto-approved',
  needs_review: 'Needs review',
  approved: 'Approved',
  rejected: 'Rejected',
  exported: 'Exported',
  failed: 'Failed',
  open: 'Open',
  claimed: 'Claimed',
  awaiting_second: 'Awaiting second approval',
};

export const TRANSIENT_STATUSES = ['received', 'parsing', 'extracting'];

export const DOC_TYPES = ['invoice', 'receipt', 'w9', 'form_1099_nec', 'bank_statement', 'other'];

export const statusLabel = (status) => STATUS_LABELS[status] ?? status;

/** `total_amount` → `Total amount`. */
export function fieldLabel(name) {
  const words = name.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? String(iso)
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `3 h`, `2 d`, `12 min`: for ages and due times at a glance. */
export function formatSpan(ms) {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export function formatDue(task, now = Date.now()) {
  if (!task.dueAt) return '';
  const left = new Date(task.dueAt).getTime() - now;
  return task.overdue || left < 0 ? `Overdue by ${formatSpan(left)}` : `Due in ${formatSpan(left)}`;
}

export function formatAmount(amount, currency) {
  if (amount === undefined || amount === null || amount === '') return '';
  return currency ? `${amount} ${currency}` : String(amount);
}

export function formatConfidence(confidence) {
  return typeof confidence === 'number' ? confidence.toFixed(2) : '';
}

export function formatValue(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
