import { describe, expect, it } from 'vitest';
import { ocrWordPattern, repairLabelWords } from '../../../../tools/understand/normalize/ocr-label.ts';

describe('repairLabelWords', () => {
  it.each([
    ['1oTaL RM 12.00', 'total RM 12.00'],
    ['TuTAL', 'total'],
    ['T0TAL:', 'total:'],
    ['TOTA L 5.00', 'total 5.00'],
    ['Grand TotaI', 'grand total'],
    ['CHANGF DUE', 'CHANGF DUE'],
    ['Chande Amt', 'change Amt'],
    ['c4sh', 'cash'],
    ['kounding RM', 'rounding RM'],
    ['Raunding', 'rounding'],
    ['DATE:05/01/2018', 'date:05/01/2018'],
    ['ITEM 10TAL', 'ITEM total'],
  ])('reads %j as %j', (printed, expected) => {
    expect(repairLabelWords(printed)).toBe(expected);
  });

  it.each(['totally', 'subtotals', 'Cashier', 'Datuk'])('leaves %j alone', (text) => {
    expect(repairLabelWords(text).toLowerCase()).toBe(text.toLowerCase());
  });
});

describe('ocrWordPattern', () => {
  it('matches a label split once by OCR but not a different word', () => {
    const pattern = new RegExp(`^${ocrWordPattern('total')}$`, 'i');
    expect(pattern.test('TOT AL')).toBe(true);
    expect(pattern.test('T0TAL')).toBe(true);
    expect(pattern.test('TOTEM')).toBe(false);
  });
});
