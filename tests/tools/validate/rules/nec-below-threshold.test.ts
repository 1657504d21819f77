import { describe, expect, it } from 'vitest';
import { necThresholdCents } from '../../../../tools/validate/nec-threshold.ts';
import { necBelowThreshold } from '../../../../tools/validate/rules/nec-below-threshold.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('nec_below_threshold', () => {
  it.each([
    ['2024', '599.99', undefined, true],
    ['2025', '599.99', undefined, true],
    ['2025', '600.00', undefined, false],
    ['2025', '1999.99', undefined, false],
    ['2026', '600.00', undefined, true],
    ['2026', '1999.99', undefined, true],
    ['2026', '2000.00', undefined, false],
    ['2027', '1500.00', undefined, true],
    ['2025', '0.00', undefined, true],
    // Backup withholding makes the form required at any amount.
    ['2025', '500.00', '120.00', false],
    ['2025', '500.00', '0.00', true],
    ['25', '100.00', undefined, false],
    ['2025', '100', undefined, false],
  ] as const)(
    'tax year %s, compensation %s, withheld %s is flagged: %s',
    (year, paid, withheld, isFlagged) => {
      const values = {
        tax_year: year,
        nonemployee_compensation: paid,
        ...(withheld && { federal_tax_withheld: withheld }),
      };
      const findings = necBelowThreshold.check(extraction('form_1099_nec', values), context());
      expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual(
        isFlagged ? [['nec_below_threshold', 'warning', 'nonemployee_compensation']] : [],
      );
    },
  );

  it('states the amount, the threshold and the year', () => {
    const [finding] = necBelowThreshold.check(
      extraction('form_1099_nec', { tax_year: '2026', nonemployee_compensation: '1250.00' }),
      context(),
    );
    expect(finding?.message).toBe(
      'Nonemployee compensation 1250.00 is below the $2000.00 reporting threshold for tax year 2026, so no 1099-NEC is required; check the amount, or whether this form should be filed.',
    );
  });

  it.each([
    [1999, 60_000],
    [2025, 60_000],
    [2026, 200_000],
    [2030, 200_000],
  ])('the threshold for %i is %i cents', (year, cents) => {
    expect(necThresholdCents(year)).toBe(cents);
  });
});
