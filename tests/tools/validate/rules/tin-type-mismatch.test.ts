import { describe, expect, it } from 'vitest';
import { tinTypeMismatch } from '../../../../tools/validate/rules/tin-type-mismatch.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('tin_type_mismatch', () => {
  it.each([
    ['EIN', '12-3456789', false],
    ['SSN', '123-45-6789', false],
    ['SSN', '12-3456789', true],
    ['EIN', '123-45-6789', true],
    ['EIN', 'garbled', false],
    ['SSN', '912-70-1234', false],
    ['EIN', '912-70-1234', true],
    [undefined, '12-3456789', false],
  ])('a W-9 with tin_type %s and TIN %s is flagged: %s', (tinType, tin, isFlagged) => {
    const values = tinType ? { tin_type: tinType, tin } : { tin };
    const findings = tinTypeMismatch.check(extraction('w9', values), context());
    expect(findings.length > 0).toBe(isFlagged);
    if (isFlagged) {
      expect(findings[0]).toMatchObject({ rule: 'tin_type_mismatch', severity: 'error', field: 'tin' });
      expect(findings[0]?.message).not.toContain(tin);
    }
  });
});
