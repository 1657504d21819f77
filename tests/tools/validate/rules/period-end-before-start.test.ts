import { describe, expect, it } from 'vitest';
import { periodEndBeforeStart } from '../../../../tools/validate/rules/period-end-before-start.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('period_end_before_start', () => {
  it.each([
    ['invoice', '2020-03-27', '2020-03-31', false],
    ['invoice', '2020-03-27', '2020-03-27', false],
    ['invoice', '2020-03-31', '2020-03-27', true],
    ['bank_statement', '2025-05-01', '2025-04-30', true],
  ] as const)('a %s from %s to %s is flagged: %s', (docType, start, end, isFlagged) => {
    const findings = periodEndBeforeStart.check(
      extraction(docType, { period_start: start, period_end: end }),
      context(),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual(
      isFlagged ? [['period_end_before_start', 'error', 'period_end']] : [],
    );
  });
});
