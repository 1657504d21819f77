import type { DocType } from '../../tools/documents/types/index.ts';

/**
 * A seeded source of randomness: the synthetic corpus is the same for the same seed on every machine.
 * mulberry32: small, fast and good enough for picking layouts, names and amounts.
 */
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with the given probability. */
  chance(probability: number): boolean;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

/**
 * One generated document: a born-digital PDF and the values a perfect extractor would return for it, in the
 * contract's formats (ISO dates, money as "1234.50", TINs with their dashes). The synth command decides
 * whether to keep the PDF or to "scan" it.
 */
export type SynthDocument = {
  docType: DocType;
  /** Which of the type's layouts drew it, for the manifest and for reading results per layout. */
  layout: string;
  pdf: Uint8Array;
  expected: Record<string, unknown>;
};

/** A generator of one document type: everything it varies comes from `rng`, nothing from the clock. */
export type SynthGenerator = (rng: Rng) => Promise<SynthDocument>;
