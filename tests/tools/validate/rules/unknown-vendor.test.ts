import { describe, expect, it } from 'vitest';
import { unknownVendor } from '../../../../tools/validate/rules/unknown-vendor.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const NORTHWIND = { id: 'v1', name: 'Northwind Traders', aliases: [] };

describe('unknown_vendor', () => {
  it.each([
    ['no vendor master at all', { count: 0 }, false],
    ['a master without this vendor', { count: 12 }, true],
    ['a master with this vendor', { count: 12, match: NORTHWIND }, false],
  ])('with %s flags the vendor: %s', (_, vendors, isFlagged) => {
    const findings = unknownVendor.check(
      extraction('invoice', { vendor_name: 'Fabrikam' }),
      context({ vendors }),
    );
    expect(findings).toEqual(
      isFlagged
        ? [
            {
              rule: 'unknown_vendor',
              severity: 'warning',
              field: 'vendor_name',
              message: '"Fabrikam" is not in the vendor master; add the vendor or correct the name.',
            },
          ]
        : [],
    );
  });

  it('leaves a missing vendor name to required_fields', () => {
    expect(unknownVendor.check(extraction('invoice', {}), context({ vendors: { count: 3 } }))).toEqual([]);
  });

  it.each([
    [
      'w9',
      { business_name: 'Fabrikam Design', name: 'Jo Smith' },
      'business_name',
      '"Fabrikam Design" is not in the vendor master; add the vendor with this TIN if it is a new one, or correct the name.',
    ],
    [
      'w9',
      { name: 'Jo Smith' },
      'name',
      '"Jo Smith" is not in the vendor master; add the vendor with this TIN if it is a new one, or correct the name.',
    ],
    [
      'form_1099_nec',
      { recipient_name: 'Jo Smith' },
      'recipient_name',
      '"Jo Smith" is not in the vendor master; add the vendor or correct the name.',
    ],
  ] as const)('flags a %s payee the master does not know (%j)', (docType, values, field, message) => {
    const findings = unknownVendor.check(extraction(docType, values), context({ vendors: { count: 3 } }));
    expect(findings).toEqual([{ rule: 'unknown_vendor', severity: 'warning', field, message }]);
    expect(unknownVendor.check(extraction(docType, values), context({ vendors: { count: 0 } }))).toEqual([]);
  });
});
