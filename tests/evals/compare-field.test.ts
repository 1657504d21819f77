import { describe, expect, it } from 'vitest';
import { compareField, fieldKind, textSimilarity } from '../../evals/compare-field.ts';

describe('compareField', () => {
  it.each([
    ['total_amount', '80.90', '80.9', true],
    ['total_amount', '1234.50', '$1,234.50', true],
    ['total_amount', '80.90', '80.91', false],
    ['total_amount', 290, '290.00', true],
    ['invoice_date', '2018-12-25', '2018-12-25', true],
    ['period_start', '2020-03-27', '2020-03-28', false],
    ['merchant_name', 'POL/FWD.US PAC', 'pol fwd us  pac', true],
    ['merchant_name', 'YONGFATT ENTERPRISE', 'YONGFATT ENTERPRISES', false],
    ['merchant_address', 'NO.113G & 115G, JALAN', 'NO.113G&115G JALAN', true],
  ])('%s: %j vs %j → %s', (field, expected, predicted, isMatch) => {
    expect(compareField(field, expected, predicted).isMatch).toBe(isMatch);
  });

  it('reports the fuzzy similarity beside the verdict', () => {
    // "yongfatt enterprise" vs "yongfatt enterprises": one edit in 20 characters.
    expect(
      compareField('merchant_name', 'YONGFATT ENTERPRISE', 'YONGFATT ENTERPRISES').similarity,
    ).toBeCloseTo(0.95, 5);
    expect(textSimilarity('abc', 'abc')).toBe(1);
    // "kitten" → "sitting": 3 edits over 7 characters.
    expect(textSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 5);
  });

  it('compares rows cell by cell, by column name, ignoring cells the label does not give', () => {
    const expected = [
      { date: '2022-03-02', description: 'ACH DEBIT CITY WATER UTIL', amount: '-137.88' },
      { date: '2022-03-04', description: 'FASTER PAYMENT FROM J LEE', amount: '3304.57' },
    ];
    const read = [
      {
        date: '2022-03-02',
        description: 'ach debit city water util',
        amount: '-137.88',
        source: { page: 1 },
      },
      { date: '2022-03-04', description: 'FASTER PAYMENT FROM J LEE', amount: '3,304.57' },
    ];
    expect(compareField('transactions', expected, read)).toEqual({ isMatch: true, similarity: 1 });
    // One amount wrong: 5 of 6 cells right.
    const wrong = [read[0], { ...read[1], amount: '3304.75' }];
    expect(compareField('transactions', expected, wrong)).toEqual({ isMatch: false, similarity: 5 / 6 });
    // A row missing: 3 of 6 cells, and the count differs.
    expect(compareField('transactions', expected, [read[0]])).toEqual({ isMatch: false, similarity: 0.5 });
    expect(compareField('transactions', expected, 'not rows').isMatch).toBe(false);
  });

  it('knows each field kind from its name', () => {
    expect(fieldKind('total_amount')).toBe('money');
    expect(fieldKind('nonemployee_compensation')).toBe('money');
    expect(fieldKind('due_date')).toBe('date');
    expect(fieldKind('period_end')).toBe('date');
    expect(fieldKind('customer_name')).toBe('text');
  });
});
