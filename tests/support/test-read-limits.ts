import type { ReadLimits } from '../../tools/read/read-limits.ts';

/** Limits for reading tests: roomy enough for any fixture, small enough that a runaway input is caught. */
export const TEST_READ_LIMITS: ReadLimits = {
  maxBytes: 10_000_000,
  maxPages: 5,
  maxImagePixels: 40_000_000,
  minTextCharsPerPage: 20,
};
