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

/** Abbreviations read as words in a message: "payer_tin" is "payer TIN", not "payer tin". */
function label(name: string): string {
  return name
    .split('_')
    .map((word) => (word === 'tin' ? 'TIN' : word === 'id' ? 'ID' : word))
    .join(' ');
}

/** Where a missing value comes from when the document does not print it. */
const WHERE_TO_FIND: Record<string, string> = {
  tin: 'enter it from the form; a W-9 without a TIN must be sent back to the payee to complete',
  payer_tin: "enter it from the form; without it the 1099-NEC cannot be filed (it is the payer's EIN or SSN)",
  recipient_tin:
    "enter it from the form or the recipient's W-9; without it the 1099-NEC cannot be filed and backup withholding applies",
};

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
        message: `The ${label(name)} was not found; ${WHERE_TO_FIND[name] ?? 'enter it from the document'}.`,
      });
    }
    return findings;
  },
};
