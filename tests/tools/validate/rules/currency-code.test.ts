import { describe, expect, it } from 'vitest';
import { currencyCode } from '../../../../tools/validate/rules/currency-code.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('currency_code', () => {
  it.each([
    ['USD', []],
    ['MYR', []],
    ['EUR', []],
    ['usd', ['error']],
    ['$', ['error']],
    ['US$', ['error']],
    ['XYZ', ['warning']],
  ])('a currency of %j gives %j', (value, severities) => {
    const findings = currencyCode.check(extraction('invoice', { currency: value }), context());
    expect(findings.map((f) => f.severity)).toEqual(severities);
    for (const f of findings) expect(f).toMatchObject({ rule: 'currency_code', field: 'currency' });
  });

  it('does not apply to types without a currency', () => {
    expect(currencyCode.check(extraction('w9', { currency: '??' }), context())).toEqual([]);
  });
});
