import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../../tools/validate/rule.ts';
import { recipientTinMismatch } from '../../../../tools/validate/rules/recipient-tin-mismatch.ts';
import { tinNotOnFile } from '../../../../tools/validate/rules/tin-not-on-file.ts';
import { w9TinMismatch } from '../../../../tools/validate/rules/w9-tin-mismatch.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const vendor = (taxId?: string): Vendor => ({
  id: 'v1',
  name: 'Northwind',
  aliases: [],
  ...(taxId && { taxId }),
});

// The three rules that compare a W-9's or a 1099's payee TIN with the vendor master.
describe('payee TIN against the vendor master', () => {
  it.each([
    ['a W-9 whose TIN equals the master', 'w9', 'tin', '12-3456789', vendor('12-3456789'), []],
    ['a W-9 whose TIN equals the master without dashes', 'w9', 'tin', '12-3456789', vendor('123456789'), []],
    [
      'a W-9 whose TIN differs',
      'w9',
      'tin',
      '12-3456789',
      vendor('98-7654321'),
      [['w9_tin_mismatch', 'error']],
    ],
    ['a W-9 of a vendor without a TIN', 'w9', 'tin', '12-3456789', vendor(), [['tin_not_on_file', 'info']]],
    ['a W-9 of no known vendor', 'w9', 'tin', '12-3456789', undefined, []],
    ['a W-9 without a TIN', 'w9', 'tin', undefined, vendor('98-7654321'), []],
    [
      'a 1099 whose recipient TIN differs',
      'form_1099_nec',
      'recipient_tin',
      '123-45-6789',
      vendor('123-45-6780'),
      [['recipient_tin_mismatch', 'error']],
    ],
    [
      'a 1099 whose recipient TIN equals the master',
      'form_1099_nec',
      'recipient_tin',
      '123-45-6789',
      vendor('123-45-6789'),
      [],
    ],
    [
      'a 1099 of a vendor without a TIN',
      'form_1099_nec',
      'recipient_tin',
      '123-45-6789',
      vendor(),
      [['tin_not_on_file', 'info']],
    ],
  ] as const)('%s gives %j', (_, docType, field, tin, match, expected) => {
    const ctx = context({ vendors: { count: 5, ...(match && { match }) } });
    const document = extraction(docType, tin ? { [field]: tin } : {});
    const findings = [w9TinMismatch, recipientTinMismatch, tinNotOnFile]
      .filter((rule) => rule.docTypes.includes(docType))
      .flatMap((rule) => rule.check(document, ctx));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual(expected);
    for (const f of findings) {
      expect(f.field).toBe(field);
      expect(f.message).toContain('Northwind');
      expect(f.message).not.toContain(tin);
    }
  });

  it('asks for a confirmation through a known contact before the master changes', () => {
    const [finding] = w9TinMismatch.check(
      extraction('w9', { tin: '12-3456789' }),
      context({ vendors: { count: 1, match: vendor('98-7654321') } }),
    );
    expect(finding?.message).toBe(
      "The W-9's TIN ******6789 differs from ******4321 on file for Northwind; confirm it with the vendor at a contact already on file before changing the master.",
    );
  });
});
