import { AppError } from '../tools/core/app-error.ts';
import type { ToolContext } from '../tools/core/context.ts';
import type { Actor } from '../tools/core/roles.ts';
import { appendAudit } from '../tools/storage/audit-log.ts';
import { insertPendingAction, type PendingAction } from '../tools/storage/pending-actions-table.ts';
import type { ProposedWrite } from './run-agent-loop.ts';

/**
 * Records a write an agent asked for as a pending action, after checking its input against the tool (a bad
 * proposal goes back to the model as an error). Nothing is run: only a person's approval runs it.
 */
export async function proposePendingAction(
  ctx: ToolContext,
  agent: string,
  write: ProposedWrite,
): Promise<PendingAction> {
  const parsed = write.tool.input.safeParse(write.input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid input for ${write.tool.name}: ${problems}`);
  }
  const rationale = write.rationale.trim().slice(0, 1000) || `Requested by ${ctx.actor.name}.`;
  return ctx.db.transaction(async (tx) => {
    const action = await insertPendingAction(tx, {
      tool: write.tool.name,
      input: write.input as Record<string, unknown>,
      proposedBy: agent,
      requestedBy: ctx.actor.name,
      rationale,
    });
    await appendAudit(tx, {
      actor: agentActor(agent, ctx.actor),
      action: 'agent.action_proposed',
      details: { actionId: action.id, tool: action.tool, proposedBy: agent, requestedBy: ctx.actor.name },
    });
    return action;
  });
}

/** The agent as the audit log names it: never more powerful than the person it works for. */
export function agentActor(agent: string, onBehalfOf: Actor): Actor {
  return { kind: 'system', name: `${agent} for ${onBehalfOf.name}`, role: onBehalfOf.role };
}
