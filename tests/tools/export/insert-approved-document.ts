import { createHash, randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../../tools/core/roles.ts';
import type { ExtractedField } from '../../../tools/documents/extraction-result.ts';
import type { DocType } from '../../../tools/documents/types/index.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { insertDocument, transitionDocument } from '../../../tools/storage/documents-table.ts';
import { insertExtraction } from '../../../tools/storage/extractions-table.ts';

export const SAMPLE_FIELDS: Record<string, unknown> = {
  vendor_name: 'Acme Supplies, Inc.',
  invoice_number: 'INV-1042',
  invoice_date: '2026-03-01',
  currency: 'USD',
  total_amount: '1234.50',
  line_items: [
    { description: 'Paper, "premium"', quantity: '2', unit_price: '500.00', amount: '1000.00' },
    { description: '=HYPERLINK("http://evil.example")', amount: '234.50' },
  ],
};

export type ApprovedDocumentInput = {
  status?: 'auto_approved' | 'approved';
  docType?: DocType;
  fields?: Record<string, unknown>;
  /** For `approved`: who approved (two names for four eyes) and what they corrected, in order. */
  approvers?: string[];
  corrections?: Array<{ field: string; before: unknown; after: unknown; reason?: string; actor: string }>;
};

/**
 * Puts a document straight into an approved state with the storage helpers, as the pipeline would have
 * left it, without reading or extracting anything.
 */
export async function insertApprovedDocument(db: Db, input: ApprovedDocumentInput = {}): Promise<string> {
  const id = randomUUID();
  const status = input.status ?? 'auto_approved';
  const docType = input.docType ?? 'invoice';
  const fields = Object.fromEntries(
    Object.entries(input.fields ?? SAMPLE_FIELDS).map(([name, value]) => [
      name,
      { value, confidence: 0.95 } satisfies ExtractedField,
    ]),
  );
  await db.transaction(async (tx) => {
    await insertDocument(tx, {
      id,
      sha256: createHash('sha256').update(id).digest('hex'),
      filename: `${id.slice(0, 8)}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 1234,
      pageCount: 1,
      docTypeRequested: null,
      actor: SYSTEM_ACTOR,
    });
    await transitionDocument(tx, { id, from: ['received'], to: 'extracting', actor: SYSTEM_ACTOR });
    await insertExtraction(tx, {
      documentId: id,
      engine: { name: 'rules', version: 'test' },
      docType,
      docTypeConfidence: 0.99,
      fields,
      validation: [],
      timings: {},
    });
    const to = status === 'approved' ? 'needs_review' : 'auto_approved';
    await transitionDocument(tx, { id, from: ['extracting'], to, actor: SYSTEM_ACTOR, docType });
    if (status !== 'approved') return;
    // Plain SQL: the review tools' own helpers are still moving; this is the state they leave behind.
    const taskId = randomUUID();
    await tx.query(
      `INSERT INTO review_tasks (id, document_id, status, reasons) VALUES ($1, $2, 'open', '["below_threshold"]')`,
      [taskId, id],
    );
    const approvers = input.approvers ?? ['reviewer-ann'];
    for (const [index, correction] of (input.corrections ?? []).entries()) {
      await tx.query(
        `INSERT INTO corrections (id, task_id, document_id, field, before, after, reason, actor, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))`,
        [
          randomUUID(),
          taskId,
          id,
          correction.field,
          JSON.stringify(correction.before),
          JSON.stringify(correction.after),
          correction.reason ?? null,
          correction.actor,
          index,
        ],
      );
    }
    await tx.query(
      `UPDATE review_tasks SET status = 'approved', first_approver = $2, first_approved_at = now(),
         decided_by = $3, decided_at = now() WHERE id = $1`,
      [taskId, approvers.length > 1 ? approvers[0] : null, approvers.at(-1)],
    );
    await transitionDocument(tx, { id, from: ['needs_review'], to: 'approved', actor: SYSTEM_ACTOR });
  });
  return id;
}
