import { textValue } from '../field-values.ts';
import { compactIdentifier, maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';

/** The invoice's tax id differs from the matched vendor's (compared on letters and digits only). */
export const vendorTaxIdMismatch: Rule = {
  id: 'vendor_tax_id_mismatch',
  docTypes: ['invoice'],
  check({ fields }, { vendors }) {
    const printed = textValue(fields, 'vendor_tax_id');
    const onFile = vendors.match?.taxId;
    if (!printed || !onFile || compactIdentifier(onFile) === '') return [];
    if (compactIdentifier(printed) === compactIdentifier(onFile)) return [];
    return [
      {
        rule: 'vendor_tax_id_mismatch',
        severity: 'error',
        field: 'vendor_tax_id',
        message: `The tax id ${maskIdentifier(printed)} differs from ${maskIdentifier(onFile)} on file for ${vendors.match?.name}.`,
      },
    ];
  },
};
