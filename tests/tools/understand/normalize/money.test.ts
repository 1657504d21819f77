import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToMoney, moneyToCents, parseMoney } from '../../../../tools/understand/normalize/money.ts';

function group(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

describe('parseMoney', () => {
  it.each([
    ['$1,234.50', '1234.50'],
    ['1.234,50', '1234.50'],
    ['RM 80.90', '80.90'],
    ['RM80.90', '80.90'],
    ['(12.00)', '-12.00'],
    ['12.00-', '-12.00'],
    ['-$5.00', '-5.00'],
    ['1 234,50', '1234.50'],
    ['8O.9O', '80.90'],
    ['$290', '290.00'],
    ['12,50', '12.50'],
    ['€ 1.234.567,89', '1234567.89'],
    ['US$ 7.5', '7.50'],
    ['.02', '0.02'],
  ])('reads %s as %s', (printed, expected) => {
    expect(parseMoney(printed)?.value).toBe(expected);
  });

  it.each(['TOTAL', '12:30', '', 'ROUND', 'N/A'])('rejects %j', (printed) => {
    expect(parseMoney(printed)).toBeNull();
  });

  it('flags repaired digits and missing decimals', () => {
    expect(parseMoney('8O.9O')?.wasRepaired).toBe(true);
    expect(parseMoney('80.90')?.wasRepaired).toBe(false);
    expect(parseMoney('$290')?.hasDecimals).toBe(false);
  });

  it('round-trips any amount printed with grouping, a currency and either decimal convention', () => {
    const styles = [
      (w: string, f: string) => `$${group(w, ',')}.${f}`,
      (w: string, f: string) => `${group(w, '.')},${f} €`,
      (w: string, f: string) => `RM ${group(w, ',')}.${f}`,
      (w: string, f: string) => `${group(w, ' ')},${f}`,
      (w: string, f: string) => `USD ${w}.${f}`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 4 }),
        (whole, cents, style) => {
          const fraction = String(cents).padStart(2, '0');
          const printed = styles[style]!(String(whole), fraction);
          expect(parseMoney(printed)?.value).toBe(`${whole}.${fraction}`);
        },
      ),
    );
  });

  it('keeps negatives negative in every notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (cents) => {
        const text = centsToMoney(cents);
        for (const printed of [`-${text}`, `(${text})`, `${text}-`]) {
          expect(parseMoney(printed)?.value).toBe(`-${text}`);
        }
      }),
    );
  });
});

describe('moneyToCents', () => {
  it('inverts centsToMoney', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        expect(moneyToCents(centsToMoney(cents)) === cents).toBe(true);
      }),
    );
  });
});
