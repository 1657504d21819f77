import type { Finding } from '../../documents/extraction-result.ts';
import type { DocType } from '../../documents/types/index.ts';
import { textValue } from '../field-values.ts';
import { maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';
import { classifyUsTin, impossibleTinReason, recognizeTaxId, type UsTinKind } from '../tax-id-shape.ts';

const RULE = 'tax_id_format';

type Severity = Finding['severity'];

/**
 * US-only fields (a TIN with its dashes) per type and the kinds of TIN each may hold; the invoice's vendor
 * tax id may be foreign. A W-9's box (SSN or EIN) is `tin_type_mismatch`'s concern, so any kind passes here.
 */
const US_TIN_FIELDS: Partial<Record<DocType, Record<string, readonly UsTinKind[]>>> = {
  w9: { tin: ['SSN', 'ITIN', 'EIN'] },
  form_1099_nec: { payer_tin: ['EIN', 'SSN'], recipient_tin: ['SSN', 'ITIN', 'EIN'] },
};

function label(field: string): string {
  return field === 'tin' ? 'TIN' : field.replace('_tin', ' TIN').replaceAll('_', ' ');
}

/**
 * W-9 and 1099 TINs are a dashed EIN, SSN or ITIN (error otherwise: the filing needs one), and one that can
 * have been issued (error: the IRS rejects the filing and sends a B-notice). An invoice's vendor tax id may be
 * any country's; a shape we do not know, or a US TIN that cannot exist, is a warning: it is not filed anywhere.
 */
export const taxIdFormat: Rule = {
  id: RULE,
  docTypes: ['invoice', 'w9', 'form_1099_nec'],
  check({ docType, fields }) {
    const findings: Finding[] = [];
    const report = (field: string, severity: Severity, message: string) =>
      findings.push({ rule: RULE, severity, field, message });
    const impossible = (field: string, value: string, severity: Severity) => {
      const reason = impossibleTinReason(value);
      if (reason) {
        report(field, severity, `The ${label(field)} ${maskIdentifier(value)} cannot be valid: ${reason}.`);
      }
      return reason !== undefined;
    };
    for (const [field, kinds] of Object.entries(US_TIN_FIELDS[docType] ?? {})) {
      const value = textValue(fields, field);
      if (value === undefined) continue;
      const kind = classifyUsTin(value);
      if (kind === undefined) {
        report(
          field,
          'error',
          `The ${label(field)} ${maskIdentifier(value)} is not an EIN (12-3456789) or SSN/ITIN (123-45-6789).`,
        );
      } else if (!impossible(field, value, 'error') && !kinds.includes(kind)) {
        report(
          field,
          'warning',
          `The ${label(field)} ${maskIdentifier(value)} has the shape of an ${kind}, but this TIN is an ${kinds.join(' or ')}; check it.`,
        );
      }
    }
    const vendorTaxId = docType === 'invoice' ? textValue(fields, 'vendor_tax_id') : undefined;
    if (vendorTaxId !== undefined) {
      if (recognizeTaxId(vendorTaxId) === undefined) {
        report(
          'vendor_tax_id',
          'warning',
          `The vendor tax id ${maskIdentifier(vendorTaxId)} does not look like an EIN, SSN, VAT or GST number; check it.`,
        );
      } else impossible('vendor_tax_id', vendorTaxId, 'warning');
    }
    return findings;
  },
};
