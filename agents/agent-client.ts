import { type ClaudeClient, createClaudeClient } from '../tools/claude/claude-client.ts';
import { AppError } from '../tools/core/app-error.ts';
import type { Config } from '../tools/core/config.ts';

export const AGENTS_NEED_KEY_MESSAGE =
  'The copilot and the exception resolver call the Anthropic API: set ANTHROPIC_API_KEY where the server runs (and ANTHROPIC_BASE_URL for a gateway). Everything else works without it.';

/** The SDK client the agents use; without a key, a clear error that says what to set, before any work. */
export function createAgentClient(config: Config): ClaudeClient {
  if (!config.ANTHROPIC_API_KEY) throw new AppError('NOT_READY', AGENTS_NEED_KEY_MESSAGE, { kind: 'user' });
  return createClaudeClient(config);
}
