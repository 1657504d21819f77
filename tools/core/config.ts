import path from 'node:path';
import { z } from 'zod';
import { readRoutingFile } from './routing-file.ts';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A JSON value in an environment variable, checked against a schema. */
function jsonOf<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/**
 * The whole configuration, read from the environment once at start by an entry point.
 * Every value has a default that works on a laptop with nothing set.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of `paperwork serve`.'),
    HOST: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe('Interface to bind; loopback unless told otherwise.'),
    DATA_DIR: z
      .string()
      .min(1)
      .default('./data')
      .describe('Where PGlite, blobs, the private Redis and the admin token live.'),
    REDIS_URL: z
      .url()
      .optional()
      .describe('Redis for BullMQ; default redis://127.0.0.1:6379, or a private redis-server.'),
    DATABASE_URL: z
      .url()
      .optional()
      .describe('A Postgres server; when unset, embedded PGlite in DATA_DIR/pg.'),
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
    FIELD_THRESHOLDS: jsonOf(z.record(z.string(), z.number().min(0).max(1)))
      .default({})
      .describe(
        'Per-field confidence thresholds as JSON, e.g. {"total_amount":0.9}; others use CONFIDENCE_THRESHOLD.',
      ),
    ROUTING_FILE: z
      .string()
      .min(1)
      .optional()
      .describe(
        'JSON file of per-field thresholds ({"fieldThresholds":{…}}, from `paperwork calibrate --write`), read at start if present; FIELD_THRESHOLDS overrides it per key. Default DATA_DIR/routing.json.',
      ),
    AUTO_APPROVE_LIMIT: z.coerce
      .number()
      .min(0)
      .default(5_000)
      .describe('A document whose amount is at or above this goes to review, however sure the extraction.'),
    QA_SAMPLE_RATE: z.coerce
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        'Share of would-be auto-approved documents sent to review anyway, to measure their accuracy.',
      ),
    FOUR_EYES_LIMIT: z.coerce
      .number()
      .min(0)
      .default(10_000)
      .describe('Approving a document whose amount is at or above this needs a second, different approver.'),
    REVIEW_SLA_HOURS: z.coerce
      .number()
      .positive()
      .default(24)
      .describe('A review task is due this long after it opens.'),
    REVIEW_LEASE_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .default(900)
      .describe('How long a claim keeps a task for one reviewer before others may take it.'),
    DUPLICATE_WINDOW_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .default(30)
      .describe('Same vendor and amount within this many days is flagged as a possible duplicate.'),
    EXPORT_DIR: z
      .string()
      .min(1)
      .optional()
      .describe('Folder for approved records as JSON and CSV; default DATA_DIR/exports.'),
    WEBHOOK_URL: z
      .url()
      .optional()
      .describe('Where approved records are POSTed, HMAC-signed; unset: no webhook.'),
    WEBHOOK_SECRET: z.string().min(16).optional().describe('HMAC-SHA256 key for the webhook signature.'),
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      )
      .describe('Comma-separated hosts (host or host:port) the webhook may be sent to; nothing else is.'),
    SESSION_HOURS: z.coerce.number().positive().default(12).describe('How long a UI login lasts.'),
    LOGIN_ATTEMPTS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Failed and successful UI logins allowed per client address per minute.'),
    TRUST_PROXY: boolish.default(false),
    PAPERWORK_URL: z
      .url()
      .default('http://127.0.0.1:3000')
      .describe('Server the CLI client commands talk to.'),
    PAPERWORK_TOKEN: z.string().optional().describe('Bearer token the CLI client commands send.'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    ANTHROPIC_API_KEY: z
      .string()
      .min(1)
      .optional()
      .describe('Anthropic API key; enables the claude and auto engines. Unset: everything runs offline.'),
    ANTHROPIC_BASE_URL: z
      .url()
      .optional()
      .describe("Messages API base URL (a proxy or gateway); default the SDK's https://api.anthropic.com."),
    ANTHROPIC_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(120_000)
      .describe('How long one Messages API call may take; a timeout is retried by the queue.'),
    PAPERWORK_ENGINE: z
      .enum(['rules', 'claude', 'auto'])
      .optional()
      .describe('Extraction engine; default auto when ANTHROPIC_API_KEY is set, else rules.'),
    PAPERWORK_MODEL: z
      .string()
      .min(1)
      .default('claude-sonnet-5-5')
      .describe('Claude model the claude and auto engines call.'),
    MODEL_PRICES: jsonOf(
      z.record(
        z.string(),
        z.object({
          input: z.number().min(0),
          output: z.number().min(0),
          cacheWrite: z.number().min(0),
          cacheRead: z.number().min(0),
        }),
      ),
    )
      .default({})
      .describe(
        'USD per million tokens by model, e.g. {"my-model":{"input":3,"output":15,"cacheWrite":3.75,"cacheRead":0.3}}; added to the built-in table.',
      ),
    MASK_BEFORE_SEND: z
      .string()
      .default('w9,form_1099_nec')
      .transform((value) =>
        value
          .split(',')
          .map((type) => type.trim())
          .filter((type) => type && type !== 'none'),
      )
      .describe(
        'Document types whose tax ids, SSNs and account numbers are masked before text or images go to Claude: a comma-separated list, "all", or "none".',
      ),
    CLAUDE_REQUESTS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "Cap on extract jobs started a minute (all workers together); unset: only the API's 429s slow the queue.",
      ),
    BATCH_COLLECT_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .default(60)
      .describe(
        'Bulk mode: how long requests are collected after the first one before they go out as one Message Batch.',
      ),
    BATCH_POLL_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .default(60)
      .describe('Bulk mode: how often a Message Batch in flight is asked whether it has ended.'),
    RESOLVER_AUTO: boolish
      .optional()
      .describe(
        'Run the exception resolver by itself on every document that goes to review; default on when ANTHROPIC_API_KEY is set.',
      ),
  })
  .superRefine((config, ctx) => {
    if (!config.WEBHOOK_URL) return;
    if (!config.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'set it (16+ characters) to sign webhooks',
      });
    }
    const host = new URL(config.WEBHOOK_URL).host.toLowerCase();
    if (!config.WEBHOOK_ALLOWED_HOSTS.includes(host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_ALLOWED_HOSTS'],
        message: `the webhook host ${host} is not in the list; add it to allow delivery there`,
      });
    }
  });
export type Config = z.infer<typeof ConfigSchema> & { EXPORT_DIR: string; ROUTING_FILE: string };

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
  const config = result.data;
  const dataDir = path.resolve(config.DATA_DIR);
  const routingFile = path.resolve(config.ROUTING_FILE ?? path.join(dataDir, 'routing.json'));
  return {
    ...config,
    DATA_DIR: dataDir,
    ROUTING_FILE: routingFile,
    FIELD_THRESHOLDS: { ...readRoutingFile(routingFile)?.fieldThresholds, ...config.FIELD_THRESHOLDS },
    EXPORT_DIR: path.resolve(config.EXPORT_DIR ?? path.join(dataDir, 'exports')),
  };
}
