import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import { SYSTEM_ACTOR } from '../../../tools/core/roles.ts';
import { idempotencyKeyFor, loadApprovedRecord } from '../../../tools/export/approved-record.ts';
import { listAudit } from '../../../tools/storage/audit-log.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { transitionDocument } from '../../../tools/storage/documents-table.ts';
import { DATABASE_KINDS, openTestDb } from '../../support/test-db.ts';
import { insertApprovedDocument, SAMPLE_FIELDS } from './insert-approved-document.ts';

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;

describe.each(DATABASE_KINDS)('loadApprovedRecord (%s)', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await db?.close();
  });

  it('exports an auto-approved document as approved by the system when it was auto-approved', async () => {
    const id = await insertApprovedDocument(db);
    const record = await loadApprovedRecord(db, id);
    const approvedAt = (await listAudit(db, { documentId: id })).find(
      (e) => e.action === 'document.auto_approved',
    )?.at;
    expect(record).toEqual({
      documentId: id,
      file: `${id.slice(0, 8)}.pdf`,
      docType: 'invoice',
      approval: { kind: 'auto', approvedBy: ['system'], approvedAt },
      fields: SAMPLE_FIELDS,
      corrections: [],
    });
  });

  it('keeps the same approval time, and so the same idempotency key, once the document is exported', async () => {
    const id = await insertApprovedDocument(db);
    const before = await loadApprovedRecord(db, id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.transaction((tx) =>
      transitionDocument(tx, { id, from: ['auto_approved'], to: 'exported', actor: SYSTEM_ACTOR }),
    );
    const after = await loadApprovedRecord(db, id);
    expect(after).toEqual(before);
    expect(idempotencyKeyFor(after)).toBe(idempotencyKeyFor(before));
  });

  it('applies every correction in order and names both approvers of a four-eyes approval', async () => {
    const id = await insertApprovedDocument(db, {
      status: 'approved',
      approvers: ['clerk-bo', 'controller-cy'],
      corrections: [
        {
          field: 'total_amount',
          before: '1234.50',
          after: '1243.50',
          reason: 'digits swapped',
          actor: 'clerk-bo',
        },
        { field: 'total_amount', before: '1243.50', after: '1244.50', actor: 'controller-cy' },
        { field: 'po_number', before: null, after: 'PO-7', actor: 'clerk-bo' },
        { field: 'currency', before: 'USD', after: 'EUR', reason: 'printed as €', actor: 'clerk-bo' },
      ],
    });
    const record = await loadApprovedRecord(db, id);
    expect(record.approval.kind).toBe('human');
    expect(record.approval.approvedBy).toEqual(['clerk-bo', 'controller-cy']);
    expect(record.approval.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(record.fields.total_amount).toBe('1244.50');
    expect(record.fields.po_number).toBe('PO-7');
    expect(record.fields.currency).toBe('EUR');
    expect(record.corrections.map((c) => [c.field, c.after, c.actor])).toEqual([
      ['total_amount', '1243.50', 'clerk-bo'],
      ['total_amount', '1244.50', 'controller-cy'],
      ['po_number', 'PO-7', 'clerk-bo'],
      ['currency', 'EUR', 'clerk-bo'],
    ]);
    expect(record.corrections.map((c) => c.reason)).toEqual(['digits swapped', null, null, 'printed as €']);
  });

  it('refuses an unknown document', async () => {
    await expect(loadApprovedRecord(db, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(AppError);
  });
});
