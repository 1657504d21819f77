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

  it('knows each field kind from its name', () => {
    expect(fieldKind('total_amount')).toBe('money');
    expect(fieldKind('nonemployee_compensation')).toBe('money');
    expect(fieldKind('due_date')).toBe('date');
    expect(fieldKind('period_end')).toBe('date');
    expect(fieldKind('customer_name')).toBe('text');
  });
});
