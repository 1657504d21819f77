import type { Finding } from '../../documents/extraction-result.ts';
import { DOC_TYPES, REQUIRED_FIELDS } from '../../documents/types/index.ts';
import type { Rule } from '../rule.ts';

function isMissing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Every field the type requires (REQUIRED_FIELDS) must have been found. */
export const requiredFields: Rule = {
  id: 'required_fields',
  docTypes: DOC_TYPES,
  check({ docType, fields }) {
    const findings: Finding[] = [];
    for (const name of REQUIRED_FIELDS[docType]) {
      if (!isMissing(fields[name]?.value)) continue;
      findings.push({
        rule: 'required_fields',
        severity: 'error',
        field: name,
        message: `The ${name.replaceAll('_', ' ')} was not found; enter it from the document.`,
      });
    }
    return findings;
  },
};
