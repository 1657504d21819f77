import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vendorKey } from '../../../tools/vendors/match-vendor.ts';

describe('vendorKey', () => {
  it.each([
    ['Northwind Traders LLC', 'northwind traders'],
    ['Northwind Traders, L.L.C.', 'northwind traders'],
    ['NORTHWIND   TRADERS', 'northwind traders'],
    ['The Smith & Co.', 'smith'],
    ['Smith and Company', 'smith'],
    ['Contoso Finance Inc.', 'contoso finance'],
    ['Kedai Runcit Sdn. Bhd.', 'kedai runcit'],
    ['KEDAI RUNCIT SON BHD', 'kedai runcit'],
    ['Kedai Runcit S/B', 'kedai runcit'],
    ['Acme Pte. Ltd.', 'acme'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Café Olé S.A.', 'cafe ole'],
    ['Globex Corporation', 'globex'],
    ['Limited', 'limited'],
    ['Co-op Supplies Ltd', 'co op supplies'],
    ['I.B.M. Corp', 'ibm'],
    ['Acme U.S.A., Inc.', 'acme usa'],
    ['A B C Supplies', 'abc supplies'],
    ['Northwind L L C', 'northwind'],
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(vendorKey(name)).toBe(key);
  });

  it('is idempotent and ignores case and surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const key = vendorKey(name);
        expect(vendorKey(key)).toBe(key);
        expect(vendorKey(` ${name.toUpperCase()} `)).toBe(vendorKey(name.toUpperCase()));
      }),
    );
  });
});
