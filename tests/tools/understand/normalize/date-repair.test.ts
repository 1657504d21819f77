import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../tools/understand/normalize/date.ts';
import { repairDateDigits } from '../../../../tools/understand/normalize/date-repair.ts';

describe('repairDateDigits', () => {
  it.each([
    ['17/83/2817', '17/03/2017'],
    ['12/03/2518', '12/03/2018'],
    ['38/01/2018', '30/01/2018'],
    ['05-18-2019', '05-10-2019'],
  ])('repairs %s to %s', (printed, expected) => {
    expect(repairDateDigits(printed)).toBe(expected);
  });

  it.each(['12/03/2018', '05-13-2019', '1/2/19', 'ABC', '12:30', '99/99/9999'])(
    'returns null for %j',
    (text) => {
      expect(repairDateDigits(text)).toBeNull();
    },
  );

  it('never touches a valid date in the plausible years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2039-12-31'), noInvalidDate: true }),
        (d) => {
          const printed = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
          expect(repairDateDigits(printed)).toBeNull();
        },
      ),
    );
  });

  it('always returns a parseable date when it repairs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/), (text) => {
        const repaired = repairDateDigits(text);
        if (repaired) expect(parseDate(repaired)).not.toBeNull();
      }),
    );
  });
});
