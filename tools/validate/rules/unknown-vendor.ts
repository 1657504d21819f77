import { textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * The vendor is not in the vendor master. Silent when there is no master (count 0): a fresh install would
 * otherwise send every invoice to review for a list nobody has loaded yet.
 */
export const unknownVendor: Rule = {
  id: 'unknown_vendor',
  docTypes: ['invoice'],
  check({ fields }, { vendors }) {
    const name = textValue(fields, 'vendor_name');
    if (vendors.count === 0 || vendors.match || name === undefined) return [];
    return [
      {
        rule: 'unknown_vendor',
        severity: 'warning',
        field: 'vendor_name',
        message: `"${name}" is not in the vendor master; add the vendor or correct the name.`,
      },
    ];
  },
};
