import { z } from 'zod';
import { STAGES } from '../core/pipeline.ts';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { dailyLlmUsage } from '../storage/llm-usage-table.ts';
import { PENDING_TASK_STATUSES, REVIEW_TASK_STATUSES } from '../storage/review-tasks-table.ts';

const StageCountsSchema = z.object({
  waiting: z.number(),
  active: z.number(),
  delayed: z.number().describe('Waiting to be retried after a transient fault.'),
  failed: z.number().describe('Gave up after every attempt (kept a week).'),
  completed: z.number().describe('Finished in the last day.'),
});

const countsOf = <T extends string>(keys: readonly T[], rows: Array<{ key: string; n: string | number }>) =>
  Object.fromEntries(keys.map((key) => [key, Number(rows.find((r) => r.key === key)?.n ?? 0)])) as Record<
    T,
    number
  >;

export const queueStats = defineTool({
  name: 'queue_stats',
  description:
    'How the pipeline and the review queue stand right now: documents by status, review tasks by status and how many are overdue, the jobs of each pipeline stage (parse, extract, export) by state, and Claude tokens and cost per day for the last 7 days.',
  input: z.object({}),
  output: z.object({
    documents: z.record(z.enum(DOCUMENT_STATUSES), z.number()),
    reviewTasks: z.record(z.enum(REVIEW_TASK_STATUSES), z.number()),
    overdueReviewTasks: z.number().describe('Tasks still waiting for a person past their due time.'),
    stages: z.record(z.enum(STAGES), StageCountsSchema),
    llmUsage: z
      .array(
        z.object({
          day: z.string(),
          model: z.string(),
          documents: z.number(),
          requests: z.number(),
          inputTokens: z.number(),
          outputTokens: z.number(),
          cacheReadTokens: z.number(),
          cacheWriteTokens: z.number(),
          costUsd: z
            .number()
            .nullable()
            .describe('USD from the price table; null when a model has no price.'),
        }),
      )
      .describe('Claude usage per UTC day and model, newest first; empty when no key is configured.'),
  }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run(_input, ctx) {
    const [documents, tasks, overdue, stages, llmUsage] = await Promise.all([
      ctx.db.query<{ key: string; n: string }>(
        'SELECT status AS key, count(*) AS n FROM documents GROUP BY status',
      ),
      ctx.db.query<{ key: string; n: string }>(
        'SELECT status AS key, count(*) AS n FROM review_tasks GROUP BY status',
      ),
      ctx.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM review_tasks WHERE status = ANY($1::text[]) AND due_at < now()',
        [[...PENDING_TASK_STATUSES]],
      ),
      ctx.pipeline.stats(),
      dailyLlmUsage(ctx.db, { days: 7 }),
    ]);
    return {
      documents: countsOf(DOCUMENT_STATUSES, documents.rows),
      reviewTasks: countsOf(REVIEW_TASK_STATUSES, tasks.rows),
      overdueReviewTasks: Number(overdue.rows[0]?.n ?? 0),
      stages,
      llmUsage,
    };
  },
});
