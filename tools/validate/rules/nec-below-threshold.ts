import { centsToMoney } from '../../understand/normalize/money.ts';
import { centsValue, textValue } from '../field-values.ts';
import { necThresholdCents } from '../nec-threshold.ts';
import type { Rule } from '../rule.ts';

/**
 * Compensation below the year's reporting threshold needs no 1099-NEC: either the form is unnecessary or the
 * amount was misread. Tax withheld (backup withholding) makes the form required at any amount, so no warning.
 */
export const necBelowThreshold: Rule = {
  id: 'nec_below_threshold',
  docTypes: ['form_1099_nec'],
  check({ fields }) {
    const year = textValue(fields, 'tax_year');
    const paid = centsValue(fields, 'nonemployee_compensation');
    const withheld = centsValue(fields, 'federal_tax_withheld') ?? 0;
    if (year === undefined || !/^\d{4}$/.test(year) || paid === undefined || withheld > 0) return [];
    const threshold = necThresholdCents(Number(year));
    if (paid >= threshold) return [];
    return [
      {
        rule: 'nec_below_threshold',
        severity: 'warning',
        field: 'nonemployee_compensation',
        message: `Nonemployee compensation ${centsToMoney(paid)} is below the $${centsToMoney(threshold)} reporting threshold for tax year ${year}, so no 1099-NEC is required; check the amount, or whether this form should be filed.`,
      },
    ];
  },
};
