import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVendorCsv, type VendorInput } from '../../../tools/vendors/parse-vendor-csv.ts';
import { vendorKey } from '../../../tools/vendors/vendor-key.ts';

describe('parseVendorCsv', () => {
  it('reads every column, with aliases split on "|" and bank details without spaces', () => {
    const csv = [
      'name,aliases,tax_id,bank_account,bank_routing',
      'Northwind Traders LLC,NWT | Northwind Supply,12-3456789,DE89 3704 0044 0532 0130 00,COBADEFFXXX',
      '"Smith, Jones & Co",,,,',
    ].join('\n');
    expect(parseVendorCsv(csv)).toEqual({
      vendors: [
        {
          name: 'Northwind Traders LLC',
          aliases: ['NWT', 'Northwind Supply'],
          taxId: '12-3456789',
          bankAccount: 'DE89370400440532013000',
          bankRouting: 'COBADEFFXXX',
        },
        { name: 'Smith, Jones & Co', aliases: [] },
      ],
      errors: [],
    });
  });

  it('takes the columns in any order and in any case, with only name required', () => {
    const { vendors, errors } = parseVendorCsv('Tax_ID,Name\n98-7654321,Globex\n');
    expect(errors).toEqual([]);
    expect(vendors).toEqual([{ name: 'Globex', aliases: [], taxId: '98-7654321' }]);
  });

  it.each([
    ['an empty file', '', [{ line: 1, message: expect.stringContaining('empty') }]],
    [
      'no name column',
      'vendor,tax_id\nAcme,1\n',
      [
        { line: 1, message: expect.stringContaining('unknown column "vendor"') },
        { line: 1, message: 'the header row has no "name" column' },
      ],
    ],
  ])('reports %s and returns no vendors', (_, text, errors) => {
    expect(parseVendorCsv(text)).toEqual({ vendors: [], errors });
  });

  it('reports each bad line with its number and why, and keeps the good lines', () => {
    const csv = [
      'name,aliases,tax_id',
      'Acme Inc,,11-1111111',
      ',,22-2222222',
      'Globex,,33-3333333,extra',
      'ACME, LLC,,',
      'Initech,,44-4444444',
      '"Hooli,,',
    ].join('\n');
    const { vendors, errors } = parseVendorCsv(csv);
    expect(vendors.map((v) => v.name)).toEqual(['Acme Inc', 'Initech']);
    expect(errors).toEqual([
      { line: 3, message: 'the name is empty' },
      { line: 4, message: 'expected 3 fields as in the header, found 4' },
      { line: 5, message: 'expected 3 fields as in the header, found 4' },
      { line: 7, message: 'a quoted field is never closed' },
    ]);
  });

  it("rejects a row whose name or alias is already another row's, as the master is keyed by name", () => {
    const csv = 'name,aliases\nAcme Inc,Roadrunner Supply\n"ACME, LLC",\nBeep Co,Roadrunner Supply Ltd\n';
    const { vendors, errors } = parseVendorCsv(csv);
    expect(vendors.map((v) => v.name)).toEqual(['Acme Inc']);
    expect(errors).toEqual([
      { line: 3, message: '"ACME, LLC" is the same name as one on line 2; merge the two rows' },
      { line: 4, message: '"Roadrunner Supply Ltd" is the same name as one on line 2; merge the two rows' },
    ]);
  });

  it('reads back any vendor list written as CSV', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'c', ' ', ',', '"', '\n', '&', '7', 'ü'),
      minLength: 1,
    });
    const tidy = text.map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => /\p{L}/u.test(t));
    const compact = fc.stringMatching(/^[A-Z0-9]{1,20}$/);
    const vendor: fc.Arbitrary<VendorInput> = fc.record(
      {
        name: tidy,
        aliases: fc.array(
          tidy.filter((a) => !a.includes('|')),
          { maxLength: 3 },
        ),
        taxId: tidy,
        bankAccount: compact,
        bankRouting: compact,
      },
      { requiredKeys: ['name', 'aliases'] },
    );
    const distinct = fc
      .uniqueArray(vendor, {
        selector: (v) => vendorKey(v.name),
        maxLength: 6,
      })
      .map((vs) => {
        // Keep aliases that are unique across the list, as the master requires.
        const seen = new Set(vs.map((v) => vendorKey(v.name)));
        return vs.map((v) => {
          const own = vendorKey(v.name);
          const aliases = [...new Set(v.aliases)].filter((a) => {
            const key = vendorKey(a);
            if (key === own) return false;
            if (key === '' || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          return { ...v, aliases };
        });
      });
    const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(distinct, (vendors) => {
        const lines = vendors.map((v) =>
          [v.name, v.aliases.join('|'), v.taxId ?? '', v.bankAccount ?? '', v.bankRouting ?? '']
            .map(quote)
            .join(','),
        );
        const csv = ['name,aliases,tax_id,bank_account,bank_routing', ...lines].join('\r\n');
        const parsed = parseVendorCsv(csv);
        expect(parsed.errors).toEqual([]);
        expect(parsed.vendors).toEqual(vendors);
      }),
    );
  });
});
