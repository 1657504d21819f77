import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovedRecord } from '../../../tools/export/approved-record.ts';
import { folderExportPaths, writeFolderExport } from '../../../tools/export/folder-target.ts';
import { SAMPLE_FIELDS } from './insert-approved-document.ts';

const RECORD: ApprovedRecord = {
  documentId: '5b0e6f0c-2f6e-4c1e-9f44-1d2b8c9a7e01',
  file: 'inv-1042.pdf',
  docType: 'invoice',
  approval: { kind: 'auto', approvedBy: ['system'], approvedAt: '2026-03-02T10:00:00.000Z' },
  fields: { ...SAMPLE_FIELDS, vendor_name: '@Acme, "the" supplier', subtotal: '-12.00', custom_note: 'kept' },
  corrections: [],
};

describe('folder export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-export-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the record as JSON, a one-row CSV in schema order and a CSV of its lines, all injection-safe', async () => {
    const paths = folderExportPaths(dir, RECORD);
    expect(paths.json).toBe(path.join(dir, 'invoice', `${RECORD.documentId}.json`));
    await writeFolderExport(dir, RECORD);

    expect(JSON.parse(await readFile(paths.json, 'utf8'))).toEqual(RECORD);
    const [header, row, end] = (await readFile(paths.csv, 'utf8')).split('\r\n');
    expect(end).toBe('');
    expect(header).toBe(
      'document_id,file,doc_type,approval_kind,approved_by,approved_at,vendor_name,vendor_address,vendor_tax_id,' +
        'customer_name,invoice_number,invoice_date,due_date,po_number,period_start,period_end,currency,subtotal,' +
        'tax_amount,total_amount,bank_account,bank_routing,custom_note',
    );
    expect(row).toBe(
      `${RECORD.documentId},inv-1042.pdf,invoice,auto,system,2026-03-02T10:00:00.000Z,"'@Acme, ""the"" supplier",,,,` +
        'INV-1042,2026-03-01,,,,,USD,-12.00,,1234.50,,,kept',
    );
    expect(await readFile(paths.lines, 'utf8')).toBe(
      'document_id,field,line,description,quantity,unit_price,amount\r\n' +
        `${RECORD.documentId},line_items,1,"Paper, ""premium""",2,500.00,1000.00\r\n` +
        `${RECORD.documentId},line_items,2,"'=HYPERLINK(""http://evil.example"")",,,234.50\r\n`,
    );
  });

  it('writes the same bytes again on a repeat and leaves no temporary file behind', async () => {
    const paths = folderExportPaths(dir, RECORD);
    await writeFolderExport(dir, RECORD);
    const first = await Promise.all([paths.json, paths.csv, paths.lines].map((file) => readFile(file)));
    await writeFolderExport(dir, RECORD);
    const second = await Promise.all([paths.json, paths.csv, paths.lines].map((file) => readFile(file)));
    expect(second).toEqual(first);
    expect((await readdir(path.dirname(paths.json))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes no lines file for a record without list fields', async () => {
    const receipt: ApprovedRecord = {
      ...RECORD,
      documentId: '5b0e6f0c-2f6e-4c1e-9f44-1d2b8c9a7e02',
      docType: 'receipt',
      fields: { merchant_name: 'Cafe', total_amount: '4.50' },
    };
    await writeFolderExport(dir, receipt);
    const paths = folderExportPaths(dir, receipt);
    await expect(stat(paths.lines)).rejects.toThrow(/ENOENT/);
    expect((await readFile(paths.csv, 'utf8')).split('\r\n')[0]).toBe(
      'document_id,file,doc_type,approval_kind,approved_by,approved_at,merchant_name,merchant_address,date,currency,tax_amount,total_amount',
    );
  });

  it('refuses to build a path from an id that is not a uuid', () => {
    expect(() => folderExportPaths(dir, { documentId: '../../etc/passwd', docType: 'invoice' })).toThrow(
      /Refusing/,
    );
  });
});
