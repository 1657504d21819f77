import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isQaSampled } from '../../../tools/review/qa-sample.ts';

describe('isQaSampled', () => {
  it('gives one document the same answer every time, so a retried stage routes it the same way', () => {
    const id = randomUUID();
    const first = isQaSampled(id, 0.5);
    for (let i = 0; i < 20; i += 1) expect(isQaSampled(id, 0.5)).toBe(first);
  });

  it('samples close to the configured share of documents', () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const share = ids.filter((id) => isQaSampled(id, 0.1)).length / ids.length;
    // Binomial(4000, 0.1): the standard deviation is under 0.005, so ±0.03 fails about never.
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
  });

  it('never samples at 0 and always at 1', () => {
    const id = randomUUID();
    expect(isQaSampled(id, 0)).toBe(false);
    expect(isQaSampled(id, 1)).toBe(true);
  });
});
