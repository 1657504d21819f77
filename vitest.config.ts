import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores: files run in parallel, each with its own queue prefix and schema.
    pool: 'forks',
    maxWorkers: 2,
    // Bounds, not expectations: a loaded two-core machine can take a minute to start a server and OCR a page.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
