import type { Finding } from '../../documents/extraction-result.ts';
import { DOC_TYPES } from '../../documents/types/index.ts';
import { FIELD_KINDS } from '../field-kinds.ts';
import { ISO_4217_CODES } from '../iso-4217.ts';
import type { Rule } from '../rule.ts';

const RULE = 'currency_code';

/** A currency is a three-letter ISO 4217 code; a well-shaped code nobody uses is probably a misread. */
export const currencyCode: Rule = {
  id: RULE,
  docTypes: DOC_TYPES,
  check({ docType, fields }) {
    const findings: Finding[] = [];
    for (const name of FIELD_KINDS[docType].currency) {
      const value = fields[name]?.value;
      if (value === undefined) continue;
      if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) {
        const shown = typeof value === 'string' ? `"${value}"` : 'not text';
        findings.push({
          rule: RULE,
          severity: 'error',
          field: name,
          message: `The currency ${shown} is not a three-letter ISO 4217 code such as USD or EUR.`,
        });
      } else if (!ISO_4217_CODES.has(value)) {
        findings.push({
          rule: RULE,
          severity: 'warning',
          field: name,
          message: `The currency ${value} is not an ISO 4217 code in use; check the document.`,
        });
      }
    }
    return findings;
  },
};
