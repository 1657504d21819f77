import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type AppError, toAppError } from '../tools/core/app-error.ts';
import type { ToolContext } from '../tools/core/context.ts';
import type { Stage } from '../tools/core/pipeline.ts';
import { findDocument, transitionDocument } from '../tools/storage/documents-table.ts';
import type { QueueConnection } from './pipeline-queues.ts';
import { runBatchStage } from './stages/batch-stage.ts';
import { recordExportFailure, runExportStage } from './stages/export-stage.ts';
import { runExtractStage } from './stages/extract-stage.ts';
import { runParseStage } from './stages/parse-stage.ts';
import { runResolveStage } from './stages/resolve-stage.ts';

export type StageRunner = (
  documentId: string,
  ctx: ToolContext,
  job: Job<{ documentId: string }>,
) => Promise<void>;

const DEFAULT_STAGE_RUNNERS: Partial<Record<Stage, StageRunner>> = {
  parse: (documentId, ctx, job) =>
    runParseStage(documentId, ctx, (done, total) => {
      job.updateProgress({ done, total }).catch(() => undefined);
    }),
  extract: (documentId, ctx) => runExtractStage(documentId, ctx),
  batch: (_documentId, ctx) => runBatchStage(ctx),
  export: (documentId, ctx) => runExportStage(documentId, ctx),
  resolve: (documentId, ctx) => runResolveStage(documentId, ctx),
};

type FinalFailureHandler = (
  documentId: string,
  stage: Stage,
  error: AppError,
  ctx: ToolContext,
) => Promise<void>;

/**
 * What a stage's last failed attempt does to its document. Before a decision the document `failed`; an
 * approved document stays approved when only its export failed: its deliveries say what to retry.
 */
const ON_FINAL_FAILURE: Record<Stage, FinalFailureHandler> = {
  parse: failDocument,
  extract: failDocument,
  // The bulk documents keep waiting (nothing is lost: requests and batch ids are in Postgres); try later.
  batch: (_documentId, _stage, _error, ctx) =>
    ctx.pipeline.scheduleBatch(ctx.config.BATCH_POLL_SECONDS * 1000),
  export: (documentId, _stage, error, ctx) => recordExportFailure(documentId, error, ctx),
  // Suggestions are a help, not a step: the document stays in review as it was; the warning above says why.
  resolve: async () => undefined,
};

export type WorkerOptions = QueueConnection & {
  ctx: ToolContext;
  concurrency: Partial<Record<Stage, number>>;
  /** Stage implementations; tests swap one in to fail on purpose. */
  runners?: Partial<Record<Stage, StageRunner>>;
  lockDuration?: number;
  stalledInterval?: number;
};

export type RunningWorkers = { workers: Worker[]; close(): Promise<void> };

/** Starts a BullMQ worker for each stage. `close()` stops taking jobs and waits for the ones in flight. */
export function startWorkers(options: WorkerOptions): RunningWorkers {
  const runners = { ...DEFAULT_STAGE_RUNNERS, ...options.runners };
  const workers = Object.entries(runners).map(([stage, run]) => {
    const worker: Worker<{ documentId: string }> = new Worker<{ documentId: string }>(
      stage,
      (job) => processJob(stage as Stage, run, job, options.ctx, worker),
      {
        connection: { url: options.redisUrl },
        prefix: options.prefix,
        concurrency: options.concurrency[stage as Stage] ?? 1,
        // BullMQ honours a manual rate limit (a 429's retry-after) only on a queue that has a limiter.
        ...((stage === 'extract' || stage === 'resolve') && { limiter: extractLimiterOf(options.ctx) }),
        // BullMQ treats an explicit undefined as a value; pass only what was given.
        ...(options.lockDuration && { lockDuration: options.lockDuration }),
        ...(options.stalledInterval && { stalledInterval: options.stalledInterval }),
      },
    );
    worker.on('error', (error) => options.ctx.logger.error('worker error', { stage, error }));
    return worker;
  });
  return { workers, close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}

/**
 * Runs one stage for one document and maps failures: bad input fails at once and is not retried; a rate
 * limit pauses the queue for the time asked; anything else retries with backoff. The stage's ON_FINAL_FAILURE handler runs when no attempt is left.
 */
async function processJob(
  stage: Stage,
  run: StageRunner,
  job: Job<{ documentId: string }>,
  ctx: ToolContext,
  worker: Worker,
) {
  const { documentId } = job.data;
  const logger = ctx.logger.child({ stage, documentId, jobId: job.id, attempt: job.attemptsMade + 1 });
  try {
    await run(documentId, { ...ctx, logger }, job);
  } catch (caught) {
    const error = toAppError(caught);
    // The API asked us to wait: the whole queue pauses that long and this job waits its turn, attempts untouched.
    if (error.code === 'RATE_LIMITED' && error.retryAfterMs !== undefined) {
      logger.warn('rate limited', { waitMs: error.retryAfterMs });
      await worker.rateLimit(error.retryAfterMs);
      throw Worker.RateLimitError();
    }
    const isLastAttempt = !error.isRetryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    logger.warn('stage failed', { code: error.code, message: error.message, willRetry: !isLastAttempt });
    if (isLastAttempt) await ON_FINAL_FAILURE[stage](documentId, stage, error, ctx);
    if (!error.isRetryable) throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** A configured requests-a-minute cap, or a limit too high to bite that only makes manual limits work. */
function extractLimiterOf(ctx: ToolContext) {
  const perMinute = ctx.config.CLAUDE_REQUESTS_PER_MINUTE;
  return perMinute ? { max: perMinute, duration: 60_000 } : { max: 1_000_000, duration: 1_000 };
}

async function failDocument(documentId: string, stage: Stage, error: AppError, ctx: ToolContext) {
  if (!(await findDocument(ctx.db, documentId))) return;
  await ctx.db.transaction((tx) =>
    transitionDocument(tx, {
      id: documentId,
      from: ['received', 'parsing', 'extracting'],
      to: 'failed',
      actor: ctx.actor,
      error: { code: error.code, message: error.message },
      details: { stage },
    }),
  );
}
