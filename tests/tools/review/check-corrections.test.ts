import { describe, expect, it } from 'vitest';
import { checkCorrections } from '../../../tools/review/check-corrections.ts';

describe('checkCorrections', () => {
  it.each([
    ['money as the schema writes it', { total_amount: '110.00' }, { total_amount: '110.00' }],
    ['money as people type it', { total_amount: '$1,234.5' }, { total_amount: '1234.50' }],
    ['an ISO date', { invoice_date: '2026-11-02' }, { invoice_date: '2026-11-02' }],
    ['text, trimmed', { vendor_name: '  Fabrikam Supplies LLC ' }, { vendor_name: 'Fabrikam Supplies LLC' }],
    ['a currency code', { currency: 'EUR' }, { currency: 'EUR' }],
  ])('accepts %s', (_name, corrections, expected) => {
    expect(checkCorrections('invoice', corrections)).toEqual(expected);
  });

  it.each([
    ['a word for money', { total_amount: 'lots' }, /total_amount must be money like 1234.50/],
    ['look-alike letters in money', { total_amount: '8O.9O' }, /total_amount must be money/],
    ['a day-first date', { invoice_date: '02/11/2026' }, /invoice_date must be a date as YYYY-MM-DD/],
    ['a field the type does not have', { tin: '12-3456789' }, /tin is not a field of a invoice/],
    ['an empty text', { vendor_name: '   ' }, /vendor_name must be/],
  ])('refuses %s', (_name, corrections, message) => {
    expect(() => checkCorrections('invoice', corrections)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() => checkCorrections('receipt', { total_amount: 'x', date: 'y' })).toThrow(
      /total_amount.*; date/,
    );
  });
});
