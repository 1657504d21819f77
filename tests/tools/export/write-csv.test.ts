import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvCell } from '../../../tools/export/write-csv.ts';

describe('formatCsvCell', () => {
  it.each([
    ['plain text', 'Acme Supplies', 'Acme Supplies'],
    ['a comma', 'Acme, Inc.', '"Acme, Inc."'],
    ['double quotes', 'the "premium" paper', '"the ""premium"" paper"'],
    ['a newline', 'line one\nline two', '"line one\nline two"'],
    ['a CRLF', 'a\r\nb', '"a\r\nb"'],
    ['a formula', '=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
    ['a plus formula', '+cmd|" /C calc"!A0', '"\'+cmd|"" /C calc""!A0"'],
    ['a minus formula', '-2+3+cmd|x', "'-2+3+cmd|x"],
    ['an at formula', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a leading tab', '\t=1+1', "'\t=1+1"],
    ['a leading carriage return', '\r=1+1', '"\'\r=1+1"'],
    ['a negative amount, which is data', '-12.00', '-12.00'],
    ['a negative integer', '-3', '-3'],
    ['an equals sign inside', 'a=b', 'a=b'],
    ['a number', 42, '42'],
    ['a boolean', true, 'true'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['an object, as a JSON cell', { a: 1, b: 'x,y' }, '"{""a"":1,""b"":""x,y""}"'],
  ])('writes %s safely', (_name, value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });
});

describe('formatCsv', () => {
  it('joins cells with commas and ends every row with CRLF', () => {
    expect(
      formatCsv([
        ['a', 'b'],
        ['1', 'x, y'],
      ]),
    ).toBe('a,b\r\n1,"x, y"\r\n');
  });
});
