import type { ToolContext } from '../tools/core/context.ts';
import type { Stage } from '../tools/core/pipeline.ts';
import { countBatchRequests } from '../tools/storage/batch-requests-table.ts';

const STAGE_FOR_STATUS: Record<string, Stage> = {
  received: 'parse',
  parsing: 'parse',
  extracting: 'extract',
  auto_approved: 'export',
  approved: 'export',
};

/**
 * Re-enqueues every document that is mid-pipeline, approved ones to export included. Run at worker start:
 * a document whose enqueue was lost (Redis down at upload or at approval, a flushed Redis) is picked up
 * again; job ids make this a no-op for the rest. An approved document with a failed delivery is left
 * alone: it waits for a person to retry_export, and a restart is not a retry.
 */
export async function resumeUnsettledDocuments(ctx: Pick<ToolContext, 'db' | 'pipeline'>): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string; status: string }>(
    `SELECT id, status FROM documents d
     WHERE status IN ('received', 'parsing', 'extracting')
        OR (status IN ('auto_approved', 'approved')
            AND NOT EXISTS (SELECT 1 FROM deliveries WHERE document_id = d.id AND status = 'failed'))
     ORDER BY created_at`,
  );
  for (const row of rows) {
    const stage = STAGE_FOR_STATUS[row.status];
    if (stage) await ctx.pipeline.enqueue(stage, row.id);
  }
  // Bulk documents waiting on a batch (collected or in flight): their extract job returns at once; the batch
  // job submits and polls them.
  if ((await countBatchRequests(ctx.db)) > 0) await ctx.pipeline.scheduleBatch(0);
  return rows.length;
}
