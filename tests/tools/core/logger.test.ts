import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, maskSensitive } from '../../../tools/core/logger.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('the logger', () => {
  it('never writes a whole SSN or EIN', () => {
    fc.assert(
      fc.property(fc.tuple(digits(3), digits(2), digits(4), digits(2), digits(7)), ([a, b, c, d, e]) => {
        const ssn = `${a}-${b}-${c}`;
        const ein = `${d}-${e}`;
        const lines: string[] = [];
        createLogger({ write: (line) => lines.push(line) }).info(`vendor tin ${ssn}`, {
          ein,
          nested: { ssn },
        });
        expect(lines.join('')).not.toContain(ssn);
        expect(lines.join('')).not.toContain(ein);
      }),
    );
  });

  it('keeps the last four digits of an account number so a person can still tell accounts apart', () => {
    expect(maskSensitive('account 000123456789')).toBe('account ***6789');
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', message: 'loud' });
  });
});
