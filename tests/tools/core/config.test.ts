import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../tools/core/config.ts';

describe('parseConfig', () => {
  it('works with nothing set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_SCHEMA: 'public',
      QUEUE_PREFIX: 'paperwork',
    });
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    const config = parseConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad value at once', () => {
    expect(() =>
      parseConfig({ PORT: 'x', CONFIDENCE_THRESHOLD: '1.5', DATABASE_SCHEMA: 'drop table' }),
    ).toThrow(/PORT[\s\S]*DATABASE_SCHEMA[\s\S]*CONFIDENCE_THRESHOLD/);
  });
});
