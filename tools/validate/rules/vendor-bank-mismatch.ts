import type { Finding } from '../../documents/extraction-result.ts';
import { BANK_FIELDS } from '../bank-fields.ts';
import { textValue } from '../field-values.ts';
import { compactIdentifier, maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/**
 * Bank details on the invoice that differ from the vendor master's. Changed remit-to details are the most
 * common invoice fraud (a look-alike email asks to "update our bank details"), so this is an error and the
 * message says how to check: by phone, with a contact already known, not one printed on the invoice.
 */
export const vendorBankMismatch: Rule = {
  id: 'vendor_bank_mismatch',
  docTypes: ['invoice'],
  check({ fields }, { vendors }) {
    const vendor = vendors.match;
    if (!vendor) return [];
    const findings: Finding[] = [];
    for (const { field, key, label } of BANK_FIELDS) {
      const printed = textValue(fields, field);
      const onFile = vendor[key];
      if (!printed || !onFile || compactIdentifier(onFile) === '') continue;
      if (compactIdentifier(printed) === compactIdentifier(onFile)) continue;
      findings.push({
        rule: 'vendor_bank_mismatch',
        severity: 'error',
        field,
        message: `The ${label} ${maskIdentifier(printed)} differs from ${maskIdentifier(onFile)} on file for ${vendor.name}. Changed bank details are a common fraud pattern: verify by phone with a contact you already know before paying.`,
      });
    }
    return findings;
  },
};
