import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defineTool } from '../core/tool.ts';
import { DeliverySchema } from '../documents/delivery-view.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { listDeliveries, resetFailedDeliveries } from '../storage/deliveries-table.ts';
import { requireDocument } from '../storage/documents-table.ts';

/**
 * Starts a stalled export again. Failed deliveries become pending and the export runs anew with all its
 * attempts; targets already delivered are not sent twice.
 */
export const retryExport = defineTool({
  name: 'retry_export',
  description:
    'Retry the export of an approved document whose delivery failed (for example a webhook that refused it, now fixed). Targets already delivered are not sent again. Returns the deliveries as they stand; the export runs in the background.',
  input: z.object({ id: z.uuid().describe('Document id.') }),
  output: z.object({
    id: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
    retried: z.array(z.string()).describe('Targets that were failed and are pending again.'),
    deliveries: z.array(DeliverySchema),
  }),
  role: 'approver',
  isReadOnly: false,
  isDestructive: false,
  async run({ id }, ctx) {
    const document = await requireDocument(ctx.db, id);
    if (document.status === 'exported') {
      throw new AppError('CONFLICT', `Document ${id} is exported already; nothing to retry.`);
    }
    if (document.status !== 'approved' && document.status !== 'auto_approved') {
      throw new AppError('CONFLICT', `Document ${id} is ${document.status}; only approved documents export.`);
    }
    const retried = await ctx.db.transaction(async (tx) => {
      const targets = await resetFailedDeliveries(tx, id);
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'export.retry',
        documentId: id,
        details: { targets },
      });
      return targets;
    });
    await ctx.pipeline.enqueue('export', id);
    return { id, status: document.status, retried, deliveries: await listDeliveries(ctx.db, id) };
  },
});
