import { z } from 'zod';
import { ROLES, type Role } from '../core/roles.ts';
import { defineTool } from '../core/tool.ts';
import { listPendingActions, PENDING_ACTION_STATUSES } from '../storage/pending-actions-table.ts';
import { resolveReview } from './resolve-review.ts';
import { retryExport } from './retry-export.ts';
import { claimReview, releaseReview } from './review-lease.ts';

/**
 * The writes an agent can propose, with the role each needs, so a listing tells a person which ones they may
 * approve. decide_pending_action checks the tool itself; a write not named here shows as needing admin.
 */
const PROPOSABLE_WRITES = new Map<string, Role>(
  [resolveReview, claimReview, releaseReview, retryExport].map((tool) => [tool.name, tool.role]),
);

export const PendingActionSchema = z.object({
  id: z.string(),
  tool: z.string().describe('The tool the action runs when a person approves it.'),
  input: z.record(z.string(), z.unknown()).describe('Its input, as the agent proposed it.'),
  proposedBy: z.string().describe('The agent that proposed it.'),
  requestedBy: z.string().describe('The person the agent was working for.'),
  runId: z.string().nullable().describe('The agent run, with its whole transcript.'),
  rationale: z.string(),
  status: z.enum(PENDING_ACTION_STATUSES),
  decidedBy: z.string().nullable().describe('The person who approved or dismissed it.'),
  decidedAt: z.string().nullable(),
  result: z.unknown().describe("The tool's output once approved, or {error} when running it failed."),
  createdAt: z.string(),
  neededRole: z
    .enum(ROLES)
    .optional()
    .describe('The role a person needs to approve it: the one its tool needs.'),
});

export const listPendingActionsTool = defineTool({
  name: 'list_pending_actions',
  description:
    'Writes the agents proposed and nobody has decided yet (or, with status, those decided): each runs only when a person with the role its tool needs approves it.',
  input: z.object({
    status: z.enum(PENDING_ACTION_STATUSES).optional().describe('Default: pending.'),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  }),
  output: z.object({ actions: z.array(PendingActionSchema) }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run(input, ctx) {
    const actions = await listPendingActions(ctx.db, {
      status: input.status ?? 'pending',
      limit: input.limit,
    });
    return {
      actions: actions.map((action) => ({
        ...action,
        neededRole: PROPOSABLE_WRITES.get(action.tool) ?? ('admin' as const),
      })),
    };
  },
});
