import { textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';
import { EIN, SSN } from '../tax-id-shape.ts';

/** A W-9's TIN has the shape of the box it was written in: an EIN in the EIN box, an SSN in the SSN box. */
export const tinTypeMismatch: Rule = {
  id: 'tin_type_mismatch',
  docTypes: ['w9'],
  check({ fields }) {
    const tinType = textValue(fields, 'tin_type');
    const tin = textValue(fields, 'tin');
    if (!tin || (tinType !== 'SSN' && tinType !== 'EIN')) return [];
    const shape = EIN.test(tin) ? 'EIN' : SSN.test(tin) ? 'SSN' : undefined;
    if (!shape || shape === tinType) return [];
    return [
      {
        rule: 'tin_type_mismatch',
        severity: 'error',
        field: 'tin',
        message: `The TIN is written in the ${tinType} box but has the shape of an ${shape}; check which the payee meant.`,
      },
    ];
  },
};
