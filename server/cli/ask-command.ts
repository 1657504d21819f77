import type { Config } from '../../tools/core/config.ts';

type PendingAction = { id: string; tool: string; input: Record<string, unknown>; rationale: string };
type CopilotAnswer = { answer: string; pendingActions: PendingAction[]; runId: string; stopReason: string };

/**
 * `paperwork ask "…"`: asks the copilot on the running server at PAPERWORK_URL as PAPERWORK_TOKEN's owner, as
 * `paperwork mcp` does. The server holds the database (PGlite has one process at a time), the Anthropic key,
 * the roles and the audit log, so the CLI opens none of them. Proposed writes are printed with how to approve.
 */
export async function askCommand(
  question: string,
  options: { json?: boolean },
  config: Config,
  out: { write(text: string): unknown } = process.stdout,
) {
  if (!config.PAPERWORK_TOKEN) {
    throw new Error(
      `ask needs PAPERWORK_TOKEN, a token for the server at ${config.PAPERWORK_URL} (see \`paperwork token create\`). The copilot reads as that token's owner.`,
    );
  }
  let response: Response;
  try {
    response = await fetch(new URL('/api/agent', config.PAPERWORK_URL), {
      method: 'POST',
      headers: { authorization: `Bearer ${config.PAPERWORK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
  } catch (cause) {
    throw new Error(`Paperwork at ${config.PAPERWORK_URL} does not answer; is \`paperwork serve\` running?`, {
      cause,
    });
  }
  const body = (await response.json().catch(() => undefined)) as
    | (CopilotAnswer & { error?: { code: string; message: string } })
    | undefined;
  if (!response.ok || !body) {
    throw new Error(body?.error?.message ?? `Paperwork answered ${response.status}.`);
  }
  if (options.json) {
    out.write(`${JSON.stringify(body)}\n`);
    return;
  }
  out.write(`${body.answer || '(no answer)'}\n`);
  if (body.stopReason !== 'answered') out.write(`(stopped early: ${body.stopReason})\n`);
  for (const action of body.pendingActions) {
    out.write(
      `\nPending action ${action.id}: ${action.tool} ${JSON.stringify(action.input)}\n  ${action.rationale}\n  Not run. A person with the right role approves it: POST /api/actions/${action.id}/approve (or dismiss).\n`,
    );
  }
}
