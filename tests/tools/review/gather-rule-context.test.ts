import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStatus } from '../../../tools/documents/document-status.ts';
import type { ExtractedField } from '../../../tools/documents/extraction-result.ts';
import type { DocType } from '../../../tools/documents/types/index.ts';
import { gatherRuleContext } from '../../../tools/review/gather-rule-context.ts';
import type { Db } from '../../../tools/storage/db.ts';
import { upsertVendors } from '../../../tools/storage/vendors-table.ts';
import { validateExtraction } from '../../../tools/validate/validate-extraction.ts';
import { DATABASE_KINDS, openTestDb } from '../../support/test-db.ts';

// Starting PGlite (Postgres in WebAssembly) alone takes tens of seconds on a busy machine.
const OPEN_TIMEOUT_MS = 180_000;
const NOW = new Date('2026-02-10T12:00:00Z');
const OPTIONS = { now: NOW, duplicateWindowDays: 30 };

function fieldsOf(values: Record<string, unknown>): Record<string, ExtractedField> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { value, confidence: 0.95 }]),
  );
}

/** A document in `status` with one extraction, straight in SQL: the pipeline is not what is tested here. */
async function insertExtracted(
  db: Db,
  docType: DocType,
  status: DocumentStatus,
  values: Record<string, unknown>,
): Promise<{ id: string; file: string }> {
  const id = randomUUID();
  const file = `${docType}-${id.slice(0, 8)}.pdf`;
  await db.query(
    `INSERT INTO documents (id, sha256, filename, media_type, size_bytes, status, doc_type, created_by)
     VALUES ($1, $2, $3, 'application/pdf', 100, $4, $5, 'test')`,
    [id, randomUUID(), file, status, docType],
  );
  await db.query(
    `INSERT INTO extractions (id, document_id, engine_name, engine_version, doc_type, doc_type_confidence, fields, validation, timings)
     VALUES ($1, $2, 'rules', '1', $3, 0.99, $4, '[]', '{}')`,
    [randomUUID(), id, docType, JSON.stringify(fieldsOf(values))],
  );
  return { id, file };
}

/** A reviewer's correction of one field, as the review task stores it. */
async function correct(db: Db, documentId: string, field: string, after: unknown): Promise<void> {
  const taskId = randomUUID();
  await db.query(
    `INSERT INTO review_tasks (id, document_id, status, reasons) VALUES ($1, $2, 'done', '[]')`,
    [taskId, documentId],
  );
  await db.query(
    `INSERT INTO corrections (id, task_id, document_id, field, before, after, actor) VALUES ($1, $2, $3, $4, NULL, $5, 'clerk')`,
    [randomUUID(), taskId, documentId, field, JSON.stringify(after)],
  );
}

const invoice = (vendor: string, date: string, total: string, extra: Record<string, unknown> = {}) => ({
  vendor_name: vendor,
  invoice_number: `INV-${randomUUID().slice(0, 6)}`,
  invoice_date: date,
  currency: 'USD',
  total_amount: total,
  ...extra,
});

describe.each(DATABASE_KINDS)('gatherRuleContext for W-9s and 1099-NECs (%s)', (kind) => {
  let db: Db;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDb(kind);
    await upsertVendors(db, [
      { name: 'Smith Design LLC', aliases: ['Smith Design Studio'], taxId: '12-3456789' },
      { name: 'Fabrikam Inc', aliases: [] },
      { name: 'Northwind Traders', aliases: [] },
    ]);
    const add = async (label: string, status: DocumentStatus, values: Record<string, unknown>) => {
      files[label] = (await insertExtracted(db, 'invoice', status, values)).file;
    };
    // Smith Design's invoices: counted for 2025 when approved, auto-approved or exported, in USD, dated 2025.
    await add('approved', 'approved', invoice('Smith Design, L.L.C.', '2025-03-01', '1500.00'));
    await add('auto', 'auto_approved', invoice('SMITH DESIGN', '2025-07-15', '2000.00'));
    await add('exported', 'exported', invoice('Smith Design Studio', '2025-12-31', '500.00'));
    await add('corrected', 'approved', invoice('Smith Design LLC', '2025-09-01', '100.00'));
    await add('renamed', 'approved', invoice('Smyth Dezign', '2025-10-01', '250.00'));
    await add(
      'review',
      'needs_review',
      invoice('Smith Design LLC', '2025-08-01', '9999.00', { vendor_tax_id: '98-7654321' }),
    );
    await add(
      'rejected',
      'rejected',
      invoice('Smith Design LLC', '2025-08-02', '8888.00', { vendor_tax_id: '55-5555555' }),
    );
    await add('last-year', 'approved', invoice('Smith Design LLC', '2024-12-31', '7777.00'));
    await add('euro', 'approved', invoice('Smith Design LLC', '2025-05-05', '3000.00', { currency: 'EUR' }));
    await add(
      'other-tin',
      'exported',
      invoice('Smith Design LLC', '2025-02-02', '0.00', { vendor_tax_id: '12-3456780' }),
    );
    await add(
      'same-tin',
      'exported',
      invoice('Smith Design LLC', '2025-02-03', '0.00', { vendor_tax_id: '123456789' }),
    );
    await add(
      'fabrikam',
      'approved',
      invoice('Fabrikam', '2025-04-04', '4444.00', { vendor_tax_id: '98-7654321' }),
    );
    // A reviewer fixed a total and a vendor name: the corrected values count.
    const corrected = (
      await db.query<{ id: string }>('SELECT id FROM documents WHERE filename = $1', [files.corrected])
    ).rows[0]!.id;
    await correct(db, corrected, 'total_amount', '1000.00');
    const renamed = (
      await db.query<{ id: string }>('SELECT id FROM documents WHERE filename = $1', [files.renamed])
    ).rows[0]!.id;
    await correct(db, renamed, 'vendor_name', 'Smith Design LLC');
  }, OPEN_TIMEOUT_MS);

  afterAll(async () => {
    await db?.close();
  });

  async function gather(docType: DocType, values: Record<string, unknown>) {
    const { id } = await insertExtracted(db, docType, 'extracting', values);
    const fields = fieldsOf(values);
    const ctx = await gatherRuleContext(db, { id, contentSha256: undefined, docType, fields }, OPTIONS);
    return { ctx, findings: validateExtraction({ docType, fields }, ctx) };
  }

  it("matches a W-9's business name to the master and lists the payee's invoices printing another tax id", async () => {
    const { ctx, findings } = await gather('w9', {
      name: 'Jo Smith',
      business_name: 'Smith Design',
      tax_classification: 'individual',
      tin_type: 'EIN',
      tin: '12-3456789',
    });
    expect(ctx.vendors.match?.name).toBe('Smith Design LLC');
    // Not the rejected one, not Fabrikam's, not one printing the same TIN without its dash.
    expect(ctx.payee?.invoicesWithOtherTaxId.map((i) => i.file).sort()).toEqual(
      [files.review, files['other-tin']].sort(),
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['w9_invoice_tax_id', 'warning']]);
    expect(findings[0]?.message).toMatch(/^2 invoices from Smith Design LLC print a tax id other than/);
  });

  it('reports a W-9 whose TIN differs from the master as w9_tin_mismatch', async () => {
    const { ctx, findings } = await gather('w9', {
      name: 'Smith Design LLC',
      tax_classification: 'c_corporation',
      tin_type: 'EIN',
      tin: '98-7654321',
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['w9_tin_mismatch', 'error'],
      ['w9_invoice_tax_id', 'warning'],
    ]);
    // This time the one in review agrees, and the one printing 12-3456789 without its dash does not.
    expect(ctx.payee?.invoicesWithOtherTaxId.map((i) => i.file).sort()).toEqual(
      [files['other-tin'], files['same-tin']].sort(),
    );
  });

  it('suggests recording the TIN of a known vendor without one, and warns of a payee the master lacks', async () => {
    const known = await gather('w9', {
      name: 'Fabrikam',
      tax_classification: 'c_corporation',
      tin_type: 'EIN',
      tin: '98-7654321',
    });
    expect(known.ctx.payee).toEqual({ invoicesWithOtherTaxId: [] });
    expect(known.findings.map((f) => [f.rule, f.severity])).toEqual([['tin_not_on_file', 'info']]);
    const unknown = await gather('w9', {
      name: 'Contoso',
      tax_classification: 'partnership',
      tin_type: 'EIN',
      tin: '98-7654321',
    });
    expect(unknown.ctx.vendors).toEqual({ count: 3 });
    expect(unknown.findings.map((f) => [f.rule, f.severity])).toEqual([['unknown_vendor', 'warning']]);
  });

  it("sums a 1099 recipient's approved USD invoices of the tax year, with reviewers' corrections", async () => {
    const values = {
      tax_year: '2025',
      payer_name: 'Northwind Traders',
      payer_tin: '45-6789012',
      recipient_name: 'Smith Design LLC',
      recipient_tin: '12-3456789',
      nonemployee_compensation: '5250.00',
    };
    const { ctx, findings } = await gather('form_1099_nec', values);
    // 1500 + 2000 + 500 + 1000 (corrected from 100) + 250 (renamed by a reviewer) + 0 + 0; not the one in
    // review, the rejected one, last year's or the one in euros.
    expect(ctx.payee?.approvedInvoices).toEqual({ taxYear: 2025, count: 7, totalCents: 525_000 });
    expect(findings).toEqual([]);

    const off = await gather('form_1099_nec', { ...values, nonemployee_compensation: '6000.00' });
    expect(off.findings).toEqual([
      {
        rule: 'nec_invoice_total',
        severity: 'warning',
        field: 'nonemployee_compensation',
        message:
          'Nonemployee compensation 6000.00 differs from 5250.00, the total of 7 approved invoices from Smith Design LLC dated in 2025; check the amount against the payments made.',
      },
    ]);
  });

  it('warns of a 1099 with no approved invoices behind it and of a recipient TIN unlike the master', async () => {
    const { ctx, findings } = await gather('form_1099_nec', {
      tax_year: '2026',
      payer_name: 'Northwind Traders',
      payer_tin: '45-6789012',
      recipient_name: 'Smith Design',
      recipient_tin: '12-3456780',
      nonemployee_compensation: '2500.00',
    });
    expect(ctx.payee?.approvedInvoices).toEqual({ taxYear: 2026, count: 0, totalCents: 0 });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['recipient_tin_mismatch', 'error'],
      ['nec_invoice_total', 'warning'],
    ]);
  });

  it('gathers no payee history for an invoice', async () => {
    const { ctx } = await gather('invoice', invoice('Smith Design LLC', '2025-03-01', '1500.00'));
    expect(ctx.payee).toBeUndefined();
    expect(ctx.vendors.match?.name).toBe('Smith Design LLC');
  });
});
