import type { DocType } from '../../documents/types/index.ts';
import { textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/** The fields that name the vendor, in the order the caller looked them up in the master. */
const NAME_FIELDS: Partial<Record<DocType, readonly string[]>> = {
  invoice: ['vendor_name'],
  w9: ['business_name', 'name'],
  form_1099_nec: ['recipient_name'],
};

/**
 * The vendor, a W-9's payee or a 1099's recipient is not in the vendor master. Silent when there is no master
 * (count 0): a fresh install would otherwise send every document to review for a list nobody has loaded yet.
 */
export const unknownVendor: Rule = {
  id: 'unknown_vendor',
  docTypes: ['invoice', 'w9', 'form_1099_nec'],
  check({ docType, fields }, { vendors }) {
    const field = NAME_FIELDS[docType]?.find((name) => textValue(fields, name) !== undefined);
    const name = field && textValue(fields, field);
    if (vendors.count === 0 || vendors.match || field === undefined || name === undefined) return [];
    const advice =
      docType === 'w9'
        ? 'add the vendor with this TIN if it is a new one, or correct the name'
        : 'add the vendor or correct the name';
    return [
      {
        rule: 'unknown_vendor',
        severity: 'warning',
        field,
        message: `"${name}" is not in the vendor master; ${advice}.`,
      },
    ];
  },
};
