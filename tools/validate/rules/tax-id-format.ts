import type { Finding } from '../../documents/extraction-result.ts';
import type { DocType } from '../../documents/types/index.ts';
import { textValue } from '../field-values.ts';
import { maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';
import { EIN, impossibleTinReason, recognizeTaxId, SSN } from '../tax-id-shape.ts';

const RULE = 'tax_id_format';

/** US-only fields (a TIN with its dashes) per type; the invoice's vendor tax id may be foreign. */
const US_TIN_FIELDS: Partial<Record<DocType, readonly string[]>> = {
  w9: ['tin'],
  form_1099_nec: ['payer_tin', 'recipient_tin'],
};

function label(field: string): string {
  return field === 'tin' ? 'TIN' : field.replace('_tin', ' TIN').replaceAll('_', ' ');
}

/**
 * W-9 and 1099 TINs are a dashed EIN or SSN (error otherwise: the filing needs one). An invoice's vendor tax
 * id may be any country's; a shape we do not know is a warning, since it may be a misread or a phone number.
 */
export const taxIdFormat: Rule = {
  id: RULE,
  docTypes: ['invoice', 'w9', 'form_1099_nec'],
  check({ docType, fields }) {
    const findings: Finding[] = [];
    const impossible = (field: string, value: string) => {
      const reason = impossibleTinReason(value);
      if (reason) {
        findings.push({
          rule: RULE,
          severity: 'warning',
          field,
          message: `The ${label(field)} ${maskIdentifier(value)} cannot be valid: ${reason}.`,
        });
      }
    };
    for (const field of US_TIN_FIELDS[docType] ?? []) {
      const value = textValue(fields, field);
      if (value === undefined) continue;
      if (!EIN.test(value) && !SSN.test(value)) {
        findings.push({
          rule: RULE,
          severity: 'error',
          field,
          message: `The ${label(field)} ${maskIdentifier(value)} is not an EIN (12-3456789) or SSN (123-45-6789).`,
        });
      } else impossible(field, value);
    }
    const vendorTaxId = docType === 'invoice' ? textValue(fields, 'vendor_tax_id') : undefined;
    if (vendorTaxId !== undefined) {
      if (recognizeTaxId(vendorTaxId) === undefined) {
        findings.push({
          rule: RULE,
          severity: 'warning',
          field: 'vendor_tax_id',
          message: `The vendor tax id ${maskIdentifier(vendorTaxId)} does not look like an EIN, SSN, VAT or GST number; check it.`,
        });
      } else impossible('vendor_tax_id', vendorTaxId);
    }
    return findings;
  },
};
