import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../../tools/validate/rule.ts';
import { vendorBankNotOnFile } from '../../../../tools/validate/rules/vendor-bank-not-on-file.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const BARE: Vendor = { id: 'v1', name: 'Northwind Traders', aliases: [] };

describe('vendor_bank_not_on_file', () => {
  it.each([
    [
      'a vendor with no bank details',
      BARE,
      { bank_account: '123456789012', bank_routing: '021000021' },
      ['bank_account', 'bank_routing'],
    ],
    [
      'a vendor with an account but no routing',
      { ...BARE, bankAccount: '123456789012' },
      { bank_account: '123456789012', bank_routing: '021000021' },
      ['bank_routing'],
    ],
    [
      'a vendor with both on file',
      { ...BARE, bankAccount: '1', bankRouting: '2' },
      { bank_account: '123456789012' },
      [],
    ],
    ['an invoice without bank details', BARE, {}, []],
  ])('for %s informs about %j', (_, vendor, values, fields) => {
    const findings = vendorBankNotOnFile.check(
      extraction('invoice', values),
      context({ vendors: { count: 1, match: vendor } }),
    );
    expect(findings.map((f) => f.field)).toEqual(fields);
    for (const f of findings) {
      expect(f).toMatchObject({ rule: 'vendor_bank_not_on_file', severity: 'info' });
      expect(f.message).not.toMatch(/12345678|021000/);
    }
  });
});
