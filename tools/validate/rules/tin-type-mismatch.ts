import { textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';
import { classifyUsTin } from '../tax-id-shape.ts';

/**
 * A W-9's TIN has the shape of the box it was written in: an EIN in the EIN box, an SSN or an ITIN (which
 * the W-9 puts in the SSN box) in the SSN box.
 */
export const tinTypeMismatch: Rule = {
  id: 'tin_type_mismatch',
  docTypes: ['w9'],
  check({ fields }) {
    const tinType = textValue(fields, 'tin_type');
    const tin = textValue(fields, 'tin');
    if (!tin || (tinType !== 'SSN' && tinType !== 'EIN')) return [];
    const kind = classifyUsTin(tin);
    const box = kind === 'ITIN' ? 'SSN' : kind;
    if (!box || box === tinType) return [];
    return [
      {
        rule: 'tin_type_mismatch',
        severity: 'error',
        field: 'tin',
        message: `The TIN is written in the ${tinType} box but has the shape of an ${kind}; check which the payee meant.`,
      },
    ];
  },
};
