import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToDay, isoDateToDay } from '../../../tools/validate/iso-date.ts';

describe('isoDateToDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2024-02-29', 19782],
    ['2025-02-29', undefined],
    ['2025-00-10', undefined],
    ['2025-1-10', undefined],
    [' 2025-01-10', undefined],
    [null, undefined],
  ])('%j → %j', (value, day) => {
    expect(isoDateToDay(value)).toBe(day);
  });

  it('agrees with instantToDay on every date between 1900 and 2100', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          expect(isoDateToDay(d.toISOString().slice(0, 10))).toBe(instantToDay(d));
        },
      ),
    );
  });
});
