import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defineTool } from '../core/tool.ts';
import { AGENT_KINDS, findAgentRun } from '../storage/agent-runs-table.ts';

export const getAgentRun = defineTool({
  name: 'get_agent_run',
  description:
    'One stored agent run (copilot or exception resolver): who it ran for, what it was asked, how it stopped, its token usage and its whole transcript, every model turn and tool result.',
  input: z.object({ id: z.uuid().describe('Run id, as runId in the agent answer or on a pending action.') }),
  output: z.object({
    id: z.string(),
    kind: z.enum(AGENT_KINDS),
    actor: z.string().describe('The person the agent worked for.'),
    task: z.string().describe('The question, or the review task id.'),
    stopReason: z.string(),
    transcript: z.array(z.unknown()),
    usage: z.unknown(),
    createdAt: z.string(),
  }),
  // A transcript holds other people's questions and the documents the agent read.
  role: 'reviewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ id }, ctx) {
    const run = await findAgentRun(ctx.db, id);
    if (!run) throw new AppError('NOT_FOUND', `No agent run with id ${id}.`);
    return run;
  },
});
