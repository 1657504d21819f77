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
});
