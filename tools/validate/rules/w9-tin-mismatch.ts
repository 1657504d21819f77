import { textValue } from '../field-values.ts';
import { compactIdentifier, maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/**
 * A W-9's TIN differs from the one on file for the vendor it names. Either the master is wrong or the W-9 is
 * not the vendor's; changing a vendor's TIN on paper alone is how payments get diverted.
 */
export const w9TinMismatch: Rule = {
  id: 'w9_tin_mismatch',
  docTypes: ['w9'],
  check({ fields }, { vendors }) {
    const tin = textValue(fields, 'tin');
    const onFile = vendors.match?.taxId;
    if (!tin || !onFile || compactIdentifier(onFile) === '') return [];
    if (compactIdentifier(tin) === compactIdentifier(onFile)) return [];
    return [
      {
        rule: 'w9_tin_mismatch',
        severity: 'error',
        field: 'tin',
        message: `The W-9's TIN ${maskIdentifier(tin)} differs from ${maskIdentifier(onFile)} on file for ${vendors.match?.name}; confirm it with the vendor at a contact already on file before changing the master.`,
      },
    ];
  },
};
