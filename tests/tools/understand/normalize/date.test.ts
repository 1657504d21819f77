import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../../tools/understand/normalize/date.ts';
import { inferDateOrder } from '../../../../tools/understand/normalize/date-order.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('parseDate', () => {
  it.each([
    ['25/12/2018', null, '2018-12-25'],
    ['12/25/2018', null, '2018-12-25'],
    ['25-12-18', null, '2018-12-25'],
    ['25 Dec 2018', null, '2018-12-25'],
    ['Dec 25, 2018', null, '2018-12-25'],
    ['2018-12-25', null, '2018-12-25'],
    ['25.12.2018', null, '2018-12-25'],
    ['12/25/18', null, '2018-12-25'],
    ['Wednesday, February 12, 2020', null, '2020-02-12'],
    ['03/04/2020', 'month-first', '2020-03-04'],
    ['03/04/2020', 'day-first', '2020-04-03'],
    ['3/8/20', 'month-first', '2020-03-08'],
  ] as const)('reads %s (%s) as %s', (printed, order, expected) => {
    expect(parseDate(printed, order)?.value).toBe(expected);
  });

  it.each(['31/02/2018', '2018-13-01', '99/99/99', 'hello'])('rejects %s', (printed) => {
    expect(parseDate(printed)).toBeNull();
  });

  it('marks an unsettled day/month reading as ambiguous with both candidates', () => {
    expect(parseDate('03/04/2020')).toEqual({
      value: '2020-04-03',
      candidates: ['2020-04-03', '2020-03-04'],
      isAmbiguous: true,
    });
    expect(parseDate('25/12/2018')?.isAmbiguous).toBe(false);
  });

  it('parses back any date printed in a known format', () => {
    const formats = [
      (y: number, m: number, d: number, order: 'day-first' | 'month-first') =>
        order === 'day-first' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`,
      (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`,
      (y: number, m: number, d: number) => `${MONTHS[m - 1]} ${d}, ${y}`,
      (y: number, m: number, d: number, order: 'day-first' | 'month-first') =>
        order === 'day-first' ? `${d}.${m}.${String(y).slice(2)}` : `${m}-${d}-${String(y).slice(2)}`,
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2068-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: formats.length - 1 }),
        fc.constantFrom('day-first' as const, 'month-first' as const),
        (date, format, order) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const iso = date.toISOString().slice(0, 10);
          expect(parseDate(formats[format]!(y, m, d, order), order)?.value).toBe(iso);
        },
      ),
    );
  });
});

describe('findDates', () => {
  it('joins a date OCR split at a separator', () => {
    expect(findDates('DATE 26-04- 18 16:46').map((d) => parseDate(d.text, 'day-first')?.value)).toEqual([
      '2018-04-26',
    ]);
  });

  it('does not let a number before the date hide it', () => {
    expect(findDates('ORD #50 -REG #19- 18/01/2018 10:27:03').map((d) => d.text)).toEqual(['18/01/2018']);
  });

  it('finds every date in a line, in order', () => {
    const found = findDates(
      'Flight Dates: Wednesday, February 12, 2020 to Monday, February 17, 2020 · 09/15/20-09/21/20',
    );
    expect(found.map((d) => d.text)).toEqual([
      'February 12, 2020',
      'February 17, 2020',
      '09/15/20',
      '09/21/20',
    ]);
  });
});

describe('inferDateOrder', () => {
  it.each([
    [{ numericDates: ['25/12/2018', '01/02/2018'] }, 'day-first'],
    [{ numericDates: ['3/13/20', '03/04/20'] }, 'month-first'],
    [{ text: 'NO 122 JALAN DEDAP 13\n81100 JOHOR BAHRU' }, 'day-first'],
    [{ text: 'PO Box 743299\nAtlanta, GA 30384' }, 'month-first'],
    [{ currency: 'MYR' }, 'day-first'],
    [{ currency: 'EUR' }, 'day-first'],
    [{ currency: 'USD' }, 'month-first'],
  ] as const)('decides %j as %s', (evidence, order) => {
    expect(inferDateOrder(evidence)?.order).toBe(order);
  });

  it('lets a date above 12 outweigh the currency', () => {
    expect(inferDateOrder({ numericDates: ['25/12/2018'], currency: 'USD' })?.order).toBe('day-first');
  });

  it('returns null without evidence', () => {
    expect(inferDateOrder({ numericDates: ['03/04/2020'], text: 'Invoice' })).toBeNull();
  });
});
