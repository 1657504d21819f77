import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * The whole configuration, read from the environment once at start by an entry point.
 * Every value has a default that works on a laptop with nothing set.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of `paperwork serve`.'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to bind; loopback unless told otherwise.'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe('Where PGlite, blobs, the private Redis and the admin token live.'),
  REDIS_URL: z
    .url()
    .optional()
    .describe('Redis for BullMQ; default redis://127.0.0.1:6379, or a private redis-server.'),
  DATABASE_URL: z.url().optional().describe('A Postgres server; when unset, embedded PGlite in DATA_DIR/pg.'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('public')
    .describe('Postgres schema for all tables; tests use one per run.'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/)
    .default('paperwork')
    .describe('BullMQ key prefix.'),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  MAX_FILES_PER_UPLOAD: z.coerce.number().int().positive().default(20),
  MAX_PAGES: z.coerce.number().int().positive().default(50),
  MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  OCR_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(32)
    .optional()
    .describe('Tesseract workers; default: the cores.'),
  STAGE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_LOCK_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(30_000)
    .describe(
      "How long a worker holds a job without renewing; a dead worker's jobs go to another after this.",
    ),
  MIN_TEXT_CHARS_PER_PAGE: z.coerce
    .number()
    .int()
    .min(0)
    .default(20)
    .describe('A PDF page with fewer text-layer characters than this is rendered and OCRed.'),
  CONFIDENCE_THRESHOLD: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.8)
    .describe('Required fields at or above this confidence can go straight through.'),
  TRUST_PROXY: boolish.default(false),
  PAPERWORK_URL: z.url().default('http://127.0.0.1:3000').describe('Server the CLI client commands talk to.'),
  PAPERWORK_TOKEN: z.string().optional().describe('Bearer token the CLI client commands send.'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; a typo or a bad value stops the start with every problem listed. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return { ...result.data, DATA_DIR: path.resolve(result.data.DATA_DIR) };
}
