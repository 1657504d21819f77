import { describe, expect, it } from 'vitest';
import { detectCurrency, normalizeCurrency } from '../../../../tools/understand/normalize/currency.ts';
import { isIdentifierLike, normalizeIdentifier } from '../../../../tools/understand/normalize/identifier.ts';
import { collapseWhitespace, foldText } from '../../../../tools/understand/normalize/text.ts';

describe('normalizeCurrency', () => {
  it.each([
    ['$', 'USD'],
    ['US$', 'USD'],
    ['RM', 'MYR'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['¥', 'JPY'],
    ['myr', 'MYR'],
    ['S$', 'SGD'],
    ['SGD', 'SGD'],
  ])('maps %s to %s', (printed, code) => {
    expect(normalizeCurrency(printed)).toBe(code);
  });

  it('returns null for a word that is not a currency', () => {
    expect(normalizeCurrency('TOTAL')).toBeNull();
  });
});

describe('detectCurrency', () => {
  it('counts symbols and codes and picks the most frequent', () => {
    expect(detectCurrency('TOTAL RM 80.90\nCASH RM100.00\n$ 3.00')).toEqual({ code: 'MYR', count: 2 });
  });

  it('does not read codes inside words', () => {
    expect(detectCurrency('FORM W-9 Orders PHPUnit')).toBeNull();
  });
});

describe('normalizeIdentifier', () => {
  it.each([
    ['#: INV-001.', 'INV-001'],
    ['No. 4711', '4711'],
    ['1O23456', '1023456'],
    ['TV0180164', 'TV0180164'],
    ['2436316-1,', '2436316-1'],
  ])('cleans %s to %s', (printed, expected) => {
    expect(normalizeIdentifier(printed)).toBe(expected);
  });

  it.each([
    ['03/29/20', false],
    ['$290.00', false],
    ['(518) 433-4299', false],
    ['2436316-1', true],
    ['INVOICE', false],
  ])('isIdentifierLike(%s) is %s', (text, expected) => {
    expect(isIdentifierLike(text)).toBe(expected);
  });
});

describe('text folding', () => {
  it('folds case, accents, punctuation and whitespace', () => {
    expect(foldText('  Café  POL/FWD.US  PAC ')).toBe('cafe pol fwd us pac');
    expect(collapseWhitespace(' a \n b ')).toBe('a b');
  });
});
