import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { loadReview, viewOfReview } from '../review/load-review.ts';
import { ReviewTaskViewSchema } from '../review/review-task-view.ts';

export const getReviewTask = defineTool({
  name: 'get_review_task',
  description: 'One review task: its document, status, reasons, amount, lease and four-eyes state.',
  input: z.object({ id: z.uuid().describe('Review task id.') }),
  output: z.object({ task: ReviewTaskViewSchema }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ id }, ctx) {
    return { task: viewOfReview(await loadReview(ctx.db, id)) };
  },
});
