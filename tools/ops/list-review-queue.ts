import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { DOC_TYPES, isDocType } from '../documents/types/index.ts';
import { documentAmountText } from '../review/document-amount.ts';
import { ReviewTaskViewSchema, toReviewTaskView } from '../review/review-task-view.ts';
import {
  listReviewTasks,
  PENDING_TASK_STATUSES,
  REVIEW_TASK_STATUSES,
} from '../storage/review-tasks-table.ts';

export const listReviewQueue = defineTool({
  name: 'list_review_queue',
  description:
    'List review tasks, soonest due first: by default those still waiting for a person (open, claimed, awaiting a second approval). Each lists the reasons it exists.',
  input: z.object({
    status: z.enum(REVIEW_TASK_STATUSES).optional().describe('Only tasks in this state.'),
    type: z.enum(DOC_TYPES).optional().describe('Only documents of this type.'),
    reason: z
      .string()
      .max(100)
      .optional()
      .describe('Only tasks with a reason containing this, e.g. a rule id like "totals_balance".'),
    olderThanHours: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .optional()
      .describe('Only tasks opened at least this long ago.'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  output: z.object({ tasks: z.array(ReviewTaskViewSchema) }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run(input, ctx) {
    const rows = await listReviewTasks(ctx.db, {
      statuses: input.status ? [input.status] : PENDING_TASK_STATUSES,
      docType: input.type,
      reason: input.reason,
      olderThanHours: input.olderThanHours,
      limit: input.limit,
      offset: input.offset,
    });
    const now = new Date();
    return {
      tasks: rows.map((row) => {
        const values = Object.fromEntries(Object.entries(row.fields).map(([name, f]) => [name, f.value]));
        const docType = row.docType && isDocType(row.docType) ? row.docType : null;
        return toReviewTaskView(
          row,
          { file: row.file, docType: row.docType, ...documentAmountText(docType, values) },
          now,
        );
      }),
    };
  },
});
