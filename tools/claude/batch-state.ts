import type { DocumentView } from '../documents/document-view.ts';
import type { BatchRequest } from '../storage/batch-requests-table.ts';

/** What a person (or an agent) is told about a bulk document waiting on a Message Batch. */
export function batchStateOf(request: BatchRequest): NonNullable<DocumentView['batch']> {
  if (request.batchId && request.submittedAt) {
    return {
      state: 'submitted',
      batchId: request.batchId,
      submittedAt: request.submittedAt,
      message: `Waiting for the batch, submitted at ${request.submittedAt}; batches end within 24 hours.`,
    };
  }
  return {
    state: 'collecting',
    message: `Waiting to be sent in the next batch (queued at ${request.createdAt}).`,
  };
}
