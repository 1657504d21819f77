import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../../tools/validate/rule.ts';
import { vendorBankMismatch } from '../../../../tools/validate/rules/vendor-bank-mismatch.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const VENDOR: Vendor = {
  id: 'v1',
  name: 'Northwind Traders',
  aliases: [],
  bankAccount: 'DE89370400440532013000',
  bankRouting: 'COBADEFFXXX',
};

describe('vendor_bank_mismatch', () => {
  it.each([
    ['the same details', { bank_account: 'DE89370400440532013000', bank_routing: 'COBADEFFXXX' }, []],
    ['the same details spaced and in lower case', { bank_account: 'de89 3704 0044 0532 0130 00' }, []],
    ['another account', { bank_account: 'GB29NWBK60161331926819' }, ['bank_account']],
    ['another routing code', { bank_routing: 'NWBKGB2L' }, ['bank_routing']],
    [
      'both changed',
      { bank_account: 'GB29NWBK60161331926819', bank_routing: 'NWBKGB2L' },
      ['bank_account', 'bank_routing'],
    ],
    ['no bank details printed', {}, []],
  ])('with %s flags %j', (_, values, fields) => {
    const ctx = context({ vendors: { count: 1, match: VENDOR } });
    const findings = vendorBankMismatch.check(extraction('invoice', values), ctx);
    expect(findings.map((f) => f.field)).toEqual(fields);
    for (const f of findings) expect(f).toMatchObject({ rule: 'vendor_bank_mismatch', severity: 'error' });
  });

  it('warns of fraud, asks for a call to a known contact and masks both accounts', () => {
    const ctx = context({ vendors: { count: 1, match: VENDOR } });
    const [finding] = vendorBankMismatch.check(
      extraction('invoice', { bank_account: 'GB29NWBK60161331926819' }),
      ctx,
    );
    expect(finding?.message).toBe(
      'The bank account ******************6819 differs from ******************3000 on file for Northwind Traders. Changed bank details are a common fraud pattern: verify by phone with a contact you already know before paying.',
    );
    expect(finding?.message).not.toMatch(/NWBK|3704/);
  });

  it('is silent without a matched vendor or when the master has no bank details', () => {
    const values = { bank_account: 'GB29NWBK60161331926819' };
    expect(
      vendorBankMismatch.check(extraction('invoice', values), context({ vendors: { count: 3 } })),
    ).toEqual([]);
    const bare = { ...VENDOR, bankAccount: undefined, bankRouting: undefined };
    expect(
      vendorBankMismatch.check(
        extraction('invoice', values),
        context({ vendors: { count: 1, match: bare } }),
      ),
    ).toEqual([]);
  });
});
