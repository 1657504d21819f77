import type { Finding } from '../../documents/extraction-result.ts';
import { DOC_TYPES } from '../../documents/types/index.ts';
import { FIELD_KINDS } from '../field-kinds.ts';
import { rowsValue } from '../field-values.ts';
import { isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

const RULE = 'date_format';

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : 'not text';
}

/** Dates are ISO YYYY-MM-DD and exist on the calendar (no 2025-02-30); a 1099's tax year is four digits. */
export const dateFormat: Rule = {
  id: RULE,
  docTypes: DOC_TYPES,
  check({ docType, fields }) {
    const findings: Finding[] = [];
    const kinds = FIELD_KINDS[docType];
    for (const name of kinds.dates) {
      const value = fields[name]?.value;
      if (value === undefined || isoDateToDay(value) !== undefined) continue;
      findings.push({
        rule: RULE,
        severity: 'error',
        field: name,
        message: `The ${name.replaceAll('_', ' ')} ${describe(value)} is not a real date in YYYY-MM-DD form.`,
      });
    }
    for (const table of kinds.rows) {
      rowsValue(fields, table.field).forEach((row, i) => {
        for (const cell of table.dates) {
          const value = row[cell];
          if (value === undefined || isoDateToDay(value) !== undefined) continue;
          findings.push({
            rule: RULE,
            severity: 'error',
            field: table.field,
            message: `Row ${i + 1}: the ${cell} ${describe(value)} is not a real date in YYYY-MM-DD form.`,
          });
        }
      });
    }
    const year = fields.tax_year?.value;
    if (docType === 'form_1099_nec' && year !== undefined && !/^\d{4}$/.test(String(year))) {
      findings.push({
        rule: RULE,
        severity: 'error',
        field: 'tax_year',
        message: `The tax year ${describe(year)} is not a four-digit year.`,
      });
    }
    return findings;
  },
};
