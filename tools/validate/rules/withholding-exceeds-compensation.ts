import { centsToMoney } from '../../understand/normalize/money.ts';
import { centsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/** A 1099-NEC's federal tax withheld (box 4) is a share of the compensation (box 1), never more. */
export const withholdingExceedsCompensation: Rule = {
  id: 'withholding_exceeds_compensation',
  docTypes: ['form_1099_nec'],
  check({ fields }) {
    const paid = centsValue(fields, 'nonemployee_compensation');
    const withheld = centsValue(fields, 'federal_tax_withheld');
    if (paid === undefined || withheld === undefined || withheld <= paid) return [];
    return [
      {
        rule: 'withholding_exceeds_compensation',
        severity: 'error',
        field: 'federal_tax_withheld',
        message: `Federal tax withheld ${centsToMoney(withheld)} is more than the compensation ${centsToMoney(paid)}.`,
      },
    ];
  },
};
