import { afterAll, describe, expect, it } from 'vitest';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../../../evals/synth/make-invoice-pdf.ts';
import { parseConfig } from '../../../../tools/core/config.ts';
import { createOcrPool } from '../../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../../../tools/read/read-limits.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { extractInvoice } from '../../../../tools/understand/extract/invoice.ts';
import { findRemitTo } from '../../../../tools/understand/extract/remit-to.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

/** An invoice head, then `block` from row 10 on: one printed line per entry, a label and its value. */
function remitTo(block: [string, string][], heading = 'Remit to:') {
  const lines: PrintedLine[] = [
    { row: 0, runs: [[0, 'Northwind Traders LLC']] },
    { row: 2, runs: [[45, 'Invoice No: INV-2024-0107']] },
    { row: 9, runs: [[0, heading]] },
    ...block.map(
      ([label, value], i): PrintedLine => ({
        row: 10 + i,
        runs: [
          [0, label],
          [20, value],
        ],
      }),
    ),
  ];
  const found = findRemitTo(buildDocumentView([buildPage(lines)]).lines);
  return { account: found.bankAccount?.value, routing: found.bankRouting?.value };
}

describe('findRemitTo', () => {
  it.each([
    [
      'a US account and ABA routing number',
      [
        ['Account No:', '123456789012'],
        ['ABA Routing No:', '021000021'],
      ],
      { account: '123456789012', routing: '021000021' },
    ],
    [
      'an IBAN in groups and a SWIFT/BIC',
      [
        ['IBAN:', 'DE89 3704 0044 0532 0130 00'],
        ['SWIFT/BIC:', 'COBADEFFXXX'],
      ],
      { account: 'DE89370400440532013000', routing: 'COBADEFFXXX' },
    ],
    [
      'an IBAN with a letters-only group',
      [
        ['IBAN', 'GB29 NWBK 6016 1331 9268 19'],
        ['BIC', 'NWBKGB2L'],
      ],
      { account: 'GB29NWBK60161331926819', routing: 'NWBKGB2L' },
    ],
    [
      'a UK account and sort code',
      [
        ['Acct #', '31926819'],
        ['Sort code', '60-16-13'],
      ],
      { account: '31926819', routing: '60-16-13' },
    ],
    [
      'an Australian account and BSB',
      [
        ['Bank Account', '1234 5678'],
        ['BSB', '062-000'],
      ],
      { account: '12345678', routing: '062-000' },
    ],
    [
      'a routing number printed with "(ABA)"',
      [
        ['Bank account number', '000123456789'],
        ['Routing (ABA)', '026009593'],
      ],
      { account: '000123456789', routing: '026009593' },
    ],
  ] as [string, [string, string][], { account?: string; routing?: string }][])(
    'reads %s',
    (_, block, expected) => {
      expect(remitTo(block)).toEqual(expected);
    },
  );

  it("ignores a bare account number away from bank details: it is the customer's account", () => {
    expect(remitTo([['Account No:', '1000234']], 'Customer:')).toEqual({
      account: undefined,
      routing: undefined,
    });
  });

  it('ignores the account number a remit-to block asks to be quoted with the payment', () => {
    expect(
      remitTo(
        [
          ['Account No:', '1000234'],
          ['PO Box', '743299'],
        ],
        'Remit to:',
      ),
    ).toEqual({
      account: undefined,
      routing: undefined,
    });
  });

  it('ignores values that are not bank codes', () => {
    expect(
      remitTo([
        ['IBAN:', 'on request'],
        ['SWIFT:', 'see letter'],
      ]),
    ).toEqual({
      account: undefined,
      routing: undefined,
    });
  });

  it('trusts a routing number with a good checksum more than one without', () => {
    const view = (routing: string) =>
      findRemitTo(
        buildDocumentView([
          buildPage([
            { row: 0, runs: [[0, 'Wire to:']] },
            {
              row: 1,
              runs: [
                [0, 'ABA:'],
                [20, routing],
              ],
            },
          ]),
        ]).lines,
      ).bankRouting?.score ?? 0;
    expect(view('021000021')).toBeGreaterThan(view('021000022'));
  });
});

describe('remit-to details of a born-digital invoice', () => {
  const ocr = createOcrPool({ size: 1 });
  afterAll(() => ocr.close());
  const read = async (bytes: Uint8Array) => {
    const { pages } = await readDocument(bytes, {
      mediaType: 'application/pdf',
      limits: readLimitsFromConfig(parseConfig({})),
      ocr,
    });
    return extractInvoice(buildDocumentView(pages));
  };

  it('reads the bank account and routing number and still every other field', async () => {
    const fields = await read(
      await makeInvoicePdf({
        ...SAMPLE_INVOICE,
        bank: {
          name: 'First Harbor Bank',
          lines: [
            { label: 'Account No:', value: '4420 1187 6603' },
            { label: 'Routing (ABA):', value: '125000024' },
          ],
        },
      }),
    );
    expect(fields.bank_account?.value).toBe('442011876603');
    expect(fields.bank_routing?.value).toBe('125000024');
    expect(fields.bank_account?.source?.text).toBe('4420 1187 6603');
    expect(fields.bank_routing?.confidence).toBeGreaterThan(0.8);
    const totals = invoiceTotals(SAMPLE_INVOICE);
    expect(fields.total_amount?.value).toBe(totals.total);
    expect(fields.invoice_number?.value).toBe(SAMPLE_INVOICE.invoiceNumber);
    expect((fields.line_items?.value as unknown[] | undefined)?.length).toBe(SAMPLE_INVOICE.lines.length);
  });

  it('finds no bank details on an invoice that prints none', async () => {
    const fields = await read(await makeInvoicePdf());
    expect(fields.bank_account).toBeUndefined();
    expect(fields.bank_routing).toBeUndefined();
  });
});
