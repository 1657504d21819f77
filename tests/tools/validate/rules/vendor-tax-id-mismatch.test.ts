import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../../tools/validate/rule.ts';
import { vendorTaxIdMismatch } from '../../../../tools/validate/rules/vendor-tax-id-mismatch.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const vendor = (taxId?: string): Vendor => ({ id: 'v1', name: 'Northwind Traders', aliases: [], taxId });

describe('vendor_tax_id_mismatch', () => {
  it.each([
    ['12-3456789', '12-3456789', false],
    ['12-3456789', '123456789', false],
    ['de 123 456 789', 'DE123456789', false],
    ['12-3456780', '12-3456789', true],
    ['12-3456789', undefined, false],
    [undefined, '12-3456789', false],
  ])('printed %s against %s on file is flagged: %s', (printed, onFile, isFlagged) => {
    const values = printed === undefined ? {} : { vendor_tax_id: printed };
    const ctx = context({ vendors: { count: 1, match: vendor(onFile) } });
    const findings = vendorTaxIdMismatch.check(extraction('invoice', values), ctx);
    expect(findings.length > 0).toBe(isFlagged);
    if (isFlagged) {
      expect(findings[0]).toEqual({
        rule: 'vendor_tax_id_mismatch',
        severity: 'error',
        field: 'vendor_tax_id',
        message: 'The tax id ******6780 differs from ******6789 on file for Northwind Traders.',
      });
    }
  });

  it('is silent without a matched vendor', () => {
    const ctx = context({ vendors: { count: 5 } });
    expect(vendorTaxIdMismatch.check(extraction('invoice', { vendor_tax_id: '12-3456789' }), ctx)).toEqual(
      [],
    );
  });
});
