import { describe, expect, it } from 'vitest';
import { withholdingExceedsCompensation } from '../../../../tools/validate/rules/withholding-exceeds-compensation.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('withholding_exceeds_compensation', () => {
  it.each([
    ['12000.00', '2880.00', false],
    ['12000.00', '0.00', false],
    ['1200.00', '2880.00', true],
  ])('compensation %s with %s withheld is flagged: %s', (paid, withheld, isFlagged) => {
    const findings = withholdingExceedsCompensation.check(
      extraction('form_1099_nec', { nonemployee_compensation: paid, federal_tax_withheld: withheld }),
      context(),
    );
    expect(findings.length > 0).toBe(isFlagged);
    if (isFlagged) expect(findings[0]).toMatchObject({ severity: 'error', field: 'federal_tax_withheld' });
  });
});
