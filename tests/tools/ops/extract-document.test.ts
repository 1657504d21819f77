import { afterAll, describe, expect, it } from 'vitest';
import { degradeScan } from '../../../evals/synth/degrade-scan.ts';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { makeReceiptPdf, receiptTotals, SAMPLE_RECEIPT } from '../../../evals/synth/make-receipt-pdf.ts';
import { renderPdfPageToPng } from '../../../evals/synth/rasterize-pdf.ts';
import { parseConfig } from '../../../tools/core/config.ts';
import { extractFile } from '../../../tools/ops/extract-document.ts';
import { createOcrPool } from '../../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../../tools/review/route-document.ts';

const config = parseConfig({});
const ocr = createOcrPool({ size: 1 });
const deps = { ocr, limits: readLimitsFromConfig(config), policy: routingPolicyOf(config) };
afterAll(() => ocr.close());

const invoice = { ...SAMPLE_INVOICE, invoiceNumber: 'INV-77310' };
const invoiceExpected = {
  docType: 'invoice',
  fields: {
    invoice_number: 'INV-77310',
    invoice_date: '2025-03-15',
    due_date: '2025-04-14',
    total_amount: invoiceTotals(invoice).total,
  },
};
const receiptExpected = {
  docType: 'receipt',
  fields: { date: '2018-12-25', total_amount: receiptTotals(SAMPLE_RECEIPT).total },
};

const inputs: Array<
  [string, string, () => Promise<Uint8Array>, typeof invoiceExpected | typeof receiptExpected]
> = [
  ['a born-digital invoice', 'invoice.pdf', () => makeInvoicePdf(invoice), invoiceExpected],
  [
    'a rasterized invoice',
    'invoice.png',
    async () => renderPdfPageToPng(await makeInvoicePdf(invoice)),
    invoiceExpected,
  ],
  [
    'a noisy, rotated, blurred invoice scan',
    'invoice.jpg',
    async () => degradeScan(await renderPdfPageToPng(await makeInvoicePdf(invoice), 200)),
    invoiceExpected,
  ],
  ['a born-digital receipt', 'receipt.pdf', () => makeReceiptPdf(), receiptExpected],
  [
    'a noisy receipt photo',
    'receipt.jpg',
    async () => degradeScan(await renderPdfPageToPng(await makeReceiptPdf(), 300), { angle: -1.5 }),
    receiptExpected,
  ],
];

describe('the in-process understanding path', () => {
  it.each(inputs)('reads %s', async (_label, filename, make, expected) => {
    const result = await extractFile({ filename, content: await make() }, deps);
    expect(result.docType).toBe(expected.docType);
    for (const [field, value] of Object.entries(expected.fields)) {
      expect(result.fields[field]?.value, field).toBe(value);
      expect(result.fields[field]?.source?.page).toBe(1);
    }
    expect(result.file).toBe(filename);
  });

  it('routes with the reasons it did not go straight through', async () => {
    const result = await extractFile(
      { filename: 'receipt.pdf', content: await makeReceiptPdf() },
      { ...deps, policy: { ...deps.policy, threshold: 1 } },
    );
    expect(result.status).toBe('needs_review');
  });
});
