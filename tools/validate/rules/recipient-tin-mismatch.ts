import { textValue } from '../field-values.ts';
import { compactIdentifier, maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/** A 1099-NEC's recipient TIN differs from the vendor master's: the IRS matches it against the name. */
export const recipientTinMismatch: Rule = {
  id: 'recipient_tin_mismatch',
  docTypes: ['form_1099_nec'],
  check({ fields }, { vendors }) {
    const tin = textValue(fields, 'recipient_tin');
    const onFile = vendors.match?.taxId;
    if (!tin || !onFile || compactIdentifier(onFile) === '') return [];
    if (compactIdentifier(tin) === compactIdentifier(onFile)) return [];
    return [
      {
        rule: 'recipient_tin_mismatch',
        severity: 'error',
        field: 'recipient_tin',
        message: `The recipient TIN ${maskIdentifier(tin)} differs from ${maskIdentifier(onFile)} on file for ${vendors.match?.name}; file with the TIN from the vendor's W-9, or the IRS sends a B-notice.`,
      },
    ];
  },
};
