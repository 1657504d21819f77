/** The states a document moves through; `failed` can follow any step before a decision. */
export const DOCUMENT_STATUSES = [
  'received',
  'parsing',
  'extracting',
  'auto_approved',
  'needs_review',
  'approved',
  'rejected',
  'exported',
  'failed',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** States after which the pipeline does nothing more without a person; approved ones still go to export. */
export const SETTLED_STATUSES: readonly DocumentStatus[] = ['needs_review', 'rejected', 'exported', 'failed'];

export function isSettled(status: DocumentStatus): boolean {
  return SETTLED_STATUSES.includes(status);
}
