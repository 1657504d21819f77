import type { OcrPool } from '../read/ocr-pool.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/db.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { Pipeline } from './pipeline.ts';
import type { Actor } from './roles.ts';

/** How far a long operation has got; `progress` only grows. Surfaces forward it (MCP progress notifications). */
export type ToolProgress = { progress: number; total?: number; message?: string };

/** Everything an operation may use, handed down from the entry point; nothing below opens its own connections. */
export type ToolContext = {
  config: Config;
  db: Db;
  blobs: BlobStore;
  pipeline: Pipeline;
  ocr: OcrPool;
  logger: Logger;
  actor: Actor;
  signal?: AbortSignal;
  /** Set by surfaces that can show progress to the caller; operations that wait or loop report through it. */
  reportProgress?: (progress: ToolProgress) => void;
};
