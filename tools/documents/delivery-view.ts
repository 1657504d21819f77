import { z } from 'zod';
import { DELIVERY_STATUSES } from '../storage/deliveries-table.ts';

/** Where a document's export to one target stands, as get_document and retry_export show it. */
export const DeliverySchema = z.object({
  target: z.string().describe('Where the record goes: "folder" (JSON and CSV files) or "webhook".'),
  status: z
    .enum(DELIVERY_STATUSES)
    .describe('pending: being tried; delivered; failed: waits for retry_export.'),
  attempts: z.number().int().min(0).describe('Attempts made so far, retries included.'),
  lastError: z.string().optional().describe('Why the last attempt failed, when it did.'),
  deliveredAt: z.string().optional().describe('When it was delivered, ISO 8601.'),
});
