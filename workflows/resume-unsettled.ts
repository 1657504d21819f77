import type { ToolContext } from '../tools/core/context.ts';
import type { Stage } from '../tools/core/pipeline.ts';

const STAGE_FOR_STATUS: Record<string, Stage> = {
  received: 'parse',
  parsing: 'parse',
  extracting: 'extract',
};

/**
 * Re-enqueues every document that is mid-pipeline. Run at worker start: a document whose enqueue was lost
 * (Redis down at upload, a flushed Redis) is picked up again; job ids make this a no-op for the rest.
 */
export async function resumeUnsettledDocuments(ctx: Pick<ToolContext, 'db' | 'pipeline'>): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string; status: string }>(
    "SELECT id, status FROM documents WHERE status IN ('received', 'parsing', 'extracting') ORDER BY created_at",
  );
  for (const row of rows) {
    const stage = STAGE_FOR_STATUS[row.status];
    if (stage) await ctx.pipeline.enqueue(stage, row.id);
  }
  return rows.length;
}
