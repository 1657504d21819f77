import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../tools/understand/classify.ts';
import { buildPage } from './support/build-page.ts';

function page(text: string, size: { width: number; height: number } = { width: 850, height: 1100 }) {
  return buildPage(
    text.split('\n').map((line, row) => ({ row, runs: [[0, line]] as [number, string][] })),
    size,
  );
}

describe('classifyDocument', () => {
  it.each([
    [
      'Form W-9\nRequest for Taxpayer Identification Number and Certification\nFederal tax classification',
      'w9',
    ],
    ['Form 1099-NEC\nNonemployee compensation\nPAYER S TIN  RECIPIENT S TIN', 'form_1099_nec'],
    [
      'Vendor Tax Information\nLegal name: Patel Media Co.\nUnder penalties of perjury, I certify that\nExempt payee code',
      'w9',
    ],
    ["PAYER'S name, street address\nFor calendar year\n2025\nPAYERS TIN", 'form_1099_nec'],
    [
      'First Bank\nStatement period 01/01/2024 - 01/31/2024\nOpening balance 100.00\nClosing balance 50.00',
      'bank_statement',
    ],
    ['INVOICE\nBill to: Contoso\nDue date 04/01/2024\nTotal 10.00', 'invoice'],
    ['INVOICE\nAdvertiser POL/Jane Doe\nFlight dates 03/27/20 - 03/31/20\nGross Total $290.00', 'invoice'],
    ['ORDER\nAdvertiser Name: Future Forward\nFlight Dates: 10/13/20 - 10/19/20', 'invoice'],
    ['KEDAI MAJU SDN BHD\nGST ID: 0001\nTOTAL 12.45\nCASH 20.00\nCHANGE 7.55\nTHANK YOU', 'receipt'],
    ['Meeting notes\nWe discussed the roadmap.', 'other'],
  ])('classifies %j as %s', (text, docType) => {
    expect(classifyDocument([page(text)]).docType).toBe(docType);
  });

  it('is surer with a clear margin than with a close call', () => {
    const clear = classifyDocument([page('Form W-9\nRequest for Taxpayer Identification Number')]);
    const close = classifyDocument([page('INVOICE\nCASH\nCHANGE')]);
    expect(clear.confidence).toBeGreaterThan(close.confidence);
    expect(close.confidence).toBeLessThan(0.8);
  });

  it('reads a long narrow slip that says "tax invoice" as a receipt', () => {
    const slip = page(
      'GARDENIA BAKERIES SDN BHD\nGST ID: 000381399040\nTAX INVOICE\nCASH INV NO 7721F711\nTOTAL 12.72',
      {
        width: 400,
        height: 1200,
      },
    );
    expect(classifyDocument([slip]).docType).toBe('receipt');
  });
});
