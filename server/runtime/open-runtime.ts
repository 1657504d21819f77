import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../tools/core/config.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { createLogger, type Logger } from '../../tools/core/logger.ts';
import { SYSTEM_ACTOR } from '../../tools/core/roles.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { createBlobStore } from '../../tools/storage/blob-store.ts';
import { migrate } from '../../tools/storage/migrate.ts';
import { openDb } from '../../tools/storage/open-db.ts';
import { createPipelineQueues, type PipelineQueues } from '../../workflows/pipeline-queues.ts';
import { ensureRedis, type RedisHandle } from './ensure-redis.ts';

/** The connections of one process: opened once by an entry point and handed down as a context. */
export type Runtime = {
  config: Config;
  /** Context for work the system does on its own (the pipeline stages). */
  ctx: ToolContext;
  queues: PipelineQueues;
  redis: RedisHandle;
  logger: Logger;
  close(): Promise<void>;
};

export async function openRuntime(config: Config, options: { logger?: Logger } = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const db = await openDb({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: path.join(config.DATA_DIR, 'pg'),
    schema: config.DATABASE_SCHEMA,
  });
  const closers: Array<() => Promise<void>> = [() => db.close()];
  try {
    await migrate(db);
    const redis = await ensureRedis({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR, logger });
    closers.unshift(() => redis.stop());
    const queues = createPipelineQueues({ redisUrl: redis.url, prefix: config.QUEUE_PREFIX });
    closers.unshift(() => queues.close());
    const ocr = createOcrPool({ size: config.OCR_WORKERS ?? os.availableParallelism() });
    closers.unshift(() => ocr.close());
    const ctx: ToolContext = {
      config,
      db,
      blobs: createBlobStore(path.join(config.DATA_DIR, 'blobs')),
      pipeline: queues,
      ocr,
      logger,
      actor: SYSTEM_ACTOR,
    };
    return { config, ctx, queues, redis, logger, close: () => closeAll(closers) };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: Array<() => Promise<void>>) {
  for (const close of closers) await close().catch(() => undefined);
}
