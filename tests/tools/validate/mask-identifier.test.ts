import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactIdentifier, maskIdentifier } from '../../../tools/validate/mask-identifier.ts';

describe('maskIdentifier', () => {
  it.each([
    ['12-3456789', '******6789'],
    ['DE89 3704 0044 0532 0130 00', '******************3000'],
    ['1234', '****'],
    ['12', '**'],
    ['', '****'],
  ])('%j → %j', (value, masked) => {
    expect(maskIdentifier(value)).toBe(masked);
  });

  it('shows at most the last four characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', 'A', '-', ' ') }), (value) => {
        const masked = maskIdentifier(value);
        expect(masked.replaceAll('*', '').length).toBeLessThanOrEqual(4);
        const compact = value.replace(/\s/g, '');
        if (compact.length > 4) expect(masked.endsWith(compact.slice(-4))).toBe(true);
      }),
    );
  });
});

describe('compactIdentifier', () => {
  it.each([
    ['12-3456789', '123456789'],
    ['de 123.456.789', 'DE123456789'],
    ['GB29 NWBK 6016', 'GB29NWBK6016'],
  ])('%j → %j', (value, compact) => {
    expect(compactIdentifier(value)).toBe(compact);
  });
});
