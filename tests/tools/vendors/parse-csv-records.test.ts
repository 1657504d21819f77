import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../../tools/vendors/parse-csv-records.ts';

/** RFC 4180 writing: quote a field when it holds a comma, quote, line break or is empty-looking. */
function writeField(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field;
}

describe('parseCsvRecords', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quoted comma', 'name\n"Smith, Jones & Co"\n', [['name'], ['Smith, Jones & Co']]],
    ['doubled quotes', 'name\n"The ""Best"" Pizza"\n', [['name'], ['The "Best" Pizza']]],
    [
      'a line break in quotes',
      'a,b\n"two\nlines",x\n',
      [
        ['a', 'b'],
        ['two\nlines', 'x'],
      ],
    ],
    [
      'empty fields',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['a byte-order mark', '\uFEFFname\nx\n', [['name'], ['x']]],
    ['a stray quote inside an unquoted field', 'name\nJoe\'s "Best"\n', [['name'], ['Joe\'s "Best"']]],
  ])('reads %s', (_, text, expected) => {
    const { records, errors } = parseCsvRecords(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(expected);
  });

  it('numbers records by the line they start on', () => {
    const { records } = parseCsvRecords('h1,h2\n"a\nb",c\n\nd,e\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reports text after a closing quote and keeps the other records', () => {
    const { records, errors } = parseCsvRecords('a,b\n"x"y,z\n1,2\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining('after a closing quote') }]);
  });

  it('reports a quote that is never closed at the line it opens', () => {
    const { records, errors } = parseCsvRecords('a,b\n1,2\n"open,3\n4,5\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(errors).toEqual([{ line: 3, message: 'a quoted field is never closed' }]);
  });

  it('reads back any table written the RFC 4180 way', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', '|', 'é', '1') });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1 }));
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.map((row) => row.map(writeField).join(',')).join(eol) + eol;
        const { records, errors } = parseCsvRecords(text);
        expect(errors).toEqual([]);
        expect(records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
