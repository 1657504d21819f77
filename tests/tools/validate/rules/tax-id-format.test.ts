import { describe, expect, it } from 'vitest';
import { taxIdFormat } from '../../../../tools/validate/rules/tax-id-format.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('tax_id_format', () => {
  it.each([
    ['12-3456789', []],
    ['DE123456789', []],
    ['GB123456789', []],
    ['555-1234', ['warning']],
    ['000-12-3456', ['warning']],
    ['07-1234567', ['warning']],
    ['912-70-1234', []],
    ['912-40-1234', ['warning']],
  ])("an invoice's vendor tax id %s gives %j", (value, severities) => {
    const findings = taxIdFormat.check(extraction('invoice', { vendor_tax_id: value }), context());
    expect(findings.map((f) => f.severity)).toEqual(severities);
    for (const f of findings) expect(f).toMatchObject({ rule: 'tax_id_format', field: 'vendor_tax_id' });
  });

  it.each([
    ['w9', { tin: '12-3456789' }, []],
    ['w9', { tin: '123-45-6789' }, []],
    ['w9', { tin: '912-70-1234' }, []],
    ['w9', { tin: '123456789' }, [['tin', 'error']]],
    ['w9', { tin: 'DE123456789' }, [['tin', 'error']]],
    ['w9', { tin: '666-12-3456' }, [['tin', 'error']]],
    ['w9', { tin: '987-45-4321' }, [['tin', 'error']]],
    ['w9', { tin: '123-45-0000' }, [['tin', 'error']]],
    ['w9', { tin: '89-1234567' }, [['tin', 'error']]],
    ['form_1099_nec', { payer_tin: '12-3456789', recipient_tin: '123-45-6789' }, []],
    ['form_1099_nec', { payer_tin: '123-45-6789', recipient_tin: '12-3456789' }, []],
    ['form_1099_nec', { payer_tin: '12-3456789', recipient_tin: '950-70-1234' }, []],
    ['form_1099_nec', { payer_tin: '950-70-1234', recipient_tin: '12-3456789' }, [['payer_tin', 'warning']]],
    [
      'form_1099_nec',
      { payer_tin: '12-345678', recipient_tin: '123-00-6789' },
      [
        ['payer_tin', 'error'],
        ['recipient_tin', 'error'],
      ],
    ],
    ['form_1099_nec', { payer_tin: '00-1234567', recipient_tin: '123-45-6789' }, [['payer_tin', 'error']]],
  ] as const)('on a %s with %j gives %j', (docType, values, expected) => {
    const findings = taxIdFormat.check(extraction(docType, values), context());
    expect(findings.map((f) => [f.field, f.severity])).toEqual(expected);
  });

  it('says why an impossible TIN cannot be valid and what a payer TIN should be', () => {
    const [impossible] = taxIdFormat.check(extraction('w9', { tin: '666-12-3456' }), context());
    expect(impossible?.message).toBe('The TIN *******3456 cannot be valid: no SSN starts with 000 or 666.');
    const [itin] = taxIdFormat.check(
      extraction('form_1099_nec', { payer_tin: '950-70-1234', recipient_tin: '12-3456789' }),
      context(),
    );
    expect(itin?.message).toBe(
      'The payer TIN *******1234 has the shape of an ITIN, but this TIN is an EIN or SSN; check it.',
    );
  });

  it('never shows more than the last four characters of the id', () => {
    const [finding] = taxIdFormat.check(extraction('w9', { tin: '987654321' }), context());
    expect(finding?.message).toBe('The TIN *****4321 is not an EIN (12-3456789) or SSN/ITIN (123-45-6789).');
    const [invoice] = taxIdFormat.check(extraction('invoice', { vendor_tax_id: 'XX-99887766' }), context());
    expect(invoice?.message).not.toContain('9988');
    expect(invoice?.message).toContain('7766');
    const [prefix] = taxIdFormat.check(extraction('w9', { tin: '07-1234567' }), context());
    expect(prefix?.message).not.toContain('07');
  });
});
