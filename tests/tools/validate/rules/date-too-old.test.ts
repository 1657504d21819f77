import { describe, expect, it } from 'vitest';
import { dateTooOld } from '../../../../tools/validate/rules/date-too-old.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

// Now is 2025-06-15T12:00Z (see rule-fixtures).
describe('date_too_old', () => {
  it.each([
    ['invoice', 'invoice_date', '2024-06-15', false],
    ['invoice', 'invoice_date', '2023-06-15', false],
    ['invoice', 'invoice_date', '2023-06-13', true],
    ['receipt', 'date', '2019-01-01', true],
    ['bank_statement', 'period_end', '2020-01-31', true],
    // W-9s stay valid until the payee's details change.
    ['w9', 'signature_date', '2015-01-01', false],
  ] as const)('a %s with %s %s is flagged: %s', (docType, field, date, isFlagged) => {
    const applies = dateTooOld.docTypes.includes(docType);
    const findings = applies ? dateTooOld.check(extraction(docType, { [field]: date }), context()) : [];
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual(
      isFlagged ? [['date_too_old', 'warning', field]] : [],
    );
  });
});
