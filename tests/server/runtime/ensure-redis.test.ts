import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRedis, isRedisAnswering } from '../../../server/runtime/ensure-redis.ts';
import { createLogger } from '../../../tools/core/logger.ts';

// Port 1 is privileged and never has a Redis on it: "nothing answers here".
const SILENT_URL = 'redis://127.0.0.1:1';
const logger = createLogger({ level: 'silent' });

describe('finding Redis', () => {
  let dataDir = '';
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('starts a private redis-server with its AOF in DATA_DIR when nothing answers, and stops it', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-redis-'));
    const redis = await ensureRedis({ dataDir, logger, defaultUrl: SILENT_URL });
    expect(redis.isPrivate).toBe(true);
    expect(await isRedisAnswering(redis.url)).toBe(true);
    await redis.stop();
    expect(await isRedisAnswering(redis.url)).toBe(false);
    expect(
      (await readdir(path.join(dataDir, 'redis'), { recursive: true })).some((f) =>
        String(f).includes('appendonly'),
      ),
    ).toBe(true);
  });

  it('says how to get Redis when none answers and redis-server is not installed', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-redis-'));
    await expect(ensureRedis({ dataDir, logger, defaultUrl: SILENT_URL, searchPath: '' })).rejects.toThrow(
      /apt-get install redis-server/,
    );
  });

  it('refuses an explicit REDIS_URL that does not answer instead of starting its own', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-redis-'));
    await expect(ensureRedis({ redisUrl: SILENT_URL, dataDir, logger })).rejects.toThrow(
      /No Redis answered at REDIS_URL/,
    );
  });
});
