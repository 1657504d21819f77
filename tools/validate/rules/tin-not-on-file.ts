import type { DocType } from '../../documents/types/index.ts';
import { textValue } from '../field-values.ts';
import { maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

const TIN_FIELD: Partial<Record<DocType, string>> = { w9: 'tin', form_1099_nec: 'recipient_tin' };

/** The matched vendor has no TIN in the master: nothing to compare with, and the W-9 is where it comes from. */
export const tinNotOnFile: Rule = {
  id: 'tin_not_on_file',
  docTypes: ['w9', 'form_1099_nec'],
  check({ docType, fields }, { vendors }) {
    const field = TIN_FIELD[docType];
    const tin = field && textValue(fields, field);
    const vendor = vendors.match;
    if (!field || !tin || !vendor || vendor.taxId) return [];
    const advice =
      docType === 'w9'
        ? `record ${maskIdentifier(tin)} from this W-9 there`
        : `record it from the vendor's W-9 there and check it matches ${maskIdentifier(tin)}`;
    return [
      {
        rule: 'tin_not_on_file',
        severity: 'info',
        field,
        message: `${vendor.name} has no TIN in the vendor master; ${advice}.`,
      },
    ];
  },
};
