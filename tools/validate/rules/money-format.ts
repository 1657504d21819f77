import type { Finding } from '../../documents/extraction-result.ts';
import { DOC_TYPES } from '../../documents/types/index.ts';
import { FIELD_KINDS } from '../field-kinds.ts';
import { isMoney, rowsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

const RULE = 'money_format';
const SHAPE = 'a decimal amount like 1234.50';

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : 'not text';
}

/** Amounts are decimal strings with a dot and two decimals, no grouping or symbol ("1234.50", "-12.00"). */
export const moneyFormat: Rule = {
  id: RULE,
  docTypes: DOC_TYPES,
  check({ docType, fields }) {
    const findings: Finding[] = [];
    const kinds = FIELD_KINDS[docType];
    for (const name of kinds.money) {
      const value = fields[name]?.value;
      if (value === undefined || isMoney(value)) continue;
      findings.push({
        rule: RULE,
        severity: 'error',
        field: name,
        message: `The ${name.replaceAll('_', ' ')} ${describe(value)} is not ${SHAPE}.`,
      });
    }
    for (const table of kinds.rows) {
      rowsValue(fields, table.field).forEach((row, i) => {
        for (const cell of table.money) {
          const value = row[cell];
          if (value === undefined || isMoney(value)) continue;
          findings.push({
            rule: RULE,
            severity: 'error',
            field: table.field,
            message: `Row ${i + 1}: the ${cell.replaceAll('_', ' ')} ${describe(value)} is not ${SHAPE}.`,
          });
        }
      });
    }
    return findings;
  },
};
