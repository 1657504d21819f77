import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ElicitResultSchema, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';

type SendRequest = <T extends typeof ElicitResultSchema>(
  request: ServerRequest,
  schema: T,
) => Promise<{ action: string; content?: Record<string, unknown> }>;

export type DecisionInput = {
  id: string;
  decision: 'approve' | 'reject';
  corrections?: Record<string, unknown>;
  reason?: string;
};

/** Whether the connected client said, when it connected, that it can ask its user questions. */
export function canElicit(server: McpServer): boolean {
  return Boolean(server.server.getClientCapabilities()?.elicitation);
}

/** What the person is shown of the task: enough to know which document they are deciding. */
export type TaskSummary = {
  file: string;
  docType: string | null;
  amount?: string;
  currency?: string;
  reasons: string[];
};

export function describeDecision(input: DecisionInput, task?: TaskSummary): string {
  const corrections = Object.entries(input.corrections ?? {}).map(
    ([field, value]) => `${field} → ${JSON.stringify(value)}`,
  );
  const amount = task?.amount ? `, ${task.amount}${task.currency ? ` ${task.currency}` : ''}` : '';
  const what = task ? `${task.file} (${task.docType ?? 'unknown type'}${amount})` : `review task ${input.id}`;
  return [
    `${input.decision === 'approve' ? 'Approve' : 'Reject'} ${what}?`,
    ...(task ? [`Review task ${input.id}; why it is in review: ${task.reasons.join('; ')}`] : []),
    ...(corrections.length ? [`Corrections: ${corrections.join(', ')}`] : []),
    ...(input.reason ? [`Reason: ${input.reason}`] : []),
  ].join('\n');
}

/**
 * Asks the person at the client to confirm a review decision (MCP elicitation), as part of the tool call so
 * the question travels with it on every transport. Only an explicit yes lets the decision through.
 */
export async function confirmDecision(
  sendRequest: SendRequest,
  input: DecisionInput,
  task?: TaskSummary,
): Promise<boolean> {
  const answer = await sendRequest(
    {
      method: 'elicitation/create',
      params: {
        message: describeDecision(input, task),
        requestedSchema: {
          type: 'object',
          properties: {
            confirm: {
              type: 'boolean',
              title: 'Confirm',
              description: `Yes, ${input.decision} this task as me.`,
            },
          },
          required: ['confirm'],
        },
      },
    },
    ElicitResultSchema,
  );
  return answer.action === 'accept' && answer.content?.confirm === true;
}
