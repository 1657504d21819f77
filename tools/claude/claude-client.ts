import Anthropic from '@anthropic-ai/sdk';
import { AppError } from '../core/app-error.ts';
import type { Config } from '../core/config.ts';

export type ClaudeClient = Anthropic;

export const MISSING_KEY_MESSAGE =
  'The claude and auto engines call the Anthropic API: set ANTHROPIC_API_KEY (or use --engine rules).';

/**
 * The SDK client for the claude engine. The SDK does not retry (`maxRetries: 0`): BullMQ owns the one retry
 * policy, so a 5xx is not tried 3 × 5 times. Only the key in the configuration is used, never the SDK's own
 * credential lookup, so an unset key is a clear error here and not a surprise at the first request.
 */
export function createClaudeClient(config: Config): ClaudeClient {
  if (!config.ANTHROPIC_API_KEY) throw new AppError('BAD_REQUEST', MISSING_KEY_MESSAGE);
  return new Anthropic({
    apiKey: config.ANTHROPIC_API_KEY,
    baseURL: config.ANTHROPIC_BASE_URL,
    maxRetries: 0,
    timeout: config.ANTHROPIC_TIMEOUT_MS,
  });
}
