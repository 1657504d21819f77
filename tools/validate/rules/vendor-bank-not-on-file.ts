import type { Finding } from '../../documents/extraction-result.ts';
import { BANK_FIELDS } from '../bank-fields.ts';
import { textValue } from '../field-values.ts';
import { maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/**
 * The invoice prints bank details the vendor master has none of: nothing to compare with, so the clerk is
 * told, and may add them to the master after checking them with the vendor.
 */
export const vendorBankNotOnFile: Rule = {
  id: 'vendor_bank_not_on_file',
  docTypes: ['invoice'],
  check({ fields }, { vendors }) {
    const vendor = vendors.match;
    if (!vendor) return [];
    const findings: Finding[] = [];
    for (const { field, key, label } of BANK_FIELDS) {
      const printed = textValue(fields, field);
      if (!printed || vendor[key]?.trim()) continue;
      findings.push({
        rule: 'vendor_bank_not_on_file',
        severity: 'info',
        field,
        message: `The ${label} ${maskIdentifier(printed)} is not on file for ${vendor.name}; confirm it with the vendor before adding it.`,
      });
    }
    return findings;
  },
};
