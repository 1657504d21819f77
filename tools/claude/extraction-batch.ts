import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { AppError } from '../core/app-error.ts';
import type { ClaudeClient } from './claude-client.ts';
import { toClaudeAppError } from './claude-error.ts';

/** One extraction in a batch; `customId` (1–64 of `[A-Za-z0-9_-]`) is how its result is found again. */
export type BatchEntry = { customId: string; request: MessageCreateParamsNonStreaming };

/** A batch entry's end: the model's message, or why there is none (kind user: do not send it again). */
export type BatchOutcome = { customId: string; message: Message } | { customId: string; error: AppError };

/**
 * Sends extractions through the Message Batches API (half the price, results within 24 hours). Each entry's
 * request is exactly what `prepareClaudeAsk` builds for a single call, so reading a result is the same
 * `finish` with `{ batch: true }`. Returns the batch id to poll.
 */
export async function submitExtractionBatch(
  client: ClaudeClient,
  entries: readonly BatchEntry[],
): Promise<string> {
  const batch = await client.messages.batches
    .create({ requests: entries.map((entry) => ({ custom_id: entry.customId, params: entry.request })) })
    .catch((error: unknown) => {
      throw toClaudeAppError(error);
    });
  return batch.id;
}

/** The batch's outcomes once it has ended; undefined while it is still running. */
export async function collectExtractionBatch(
  client: ClaudeClient,
  batchId: string,
): Promise<BatchOutcome[] | undefined> {
  try {
    const batch = await client.messages.batches.retrieve(batchId);
    if (batch.processing_status !== 'ended') return undefined;
    const outcomes: BatchOutcome[] = [];
    for await (const entry of await client.messages.batches.results(batchId)) {
      const { custom_id: customId, result } = entry;
      if (result.type === 'succeeded') outcomes.push({ customId, message: result.message });
      else if (result.type === 'errored') {
        const isRequestError = result.error.error.type === 'invalid_request_error';
        outcomes.push({
          customId,
          error: new AppError(
            isRequestError ? 'BAD_REQUEST' : 'UPSTREAM_UNAVAILABLE',
            `Claude batch entry failed (${result.error.error.type}): ${result.error.error.message}`,
            { kind: isRequestError ? 'user' : 'upstream' },
          ),
        });
      } else {
        outcomes.push({
          customId,
          error: new AppError('UPSTREAM_UNAVAILABLE', `Claude batch entry ${result.type}; send it again.`, {
            kind: 'upstream',
          }),
        });
      }
    }
    return outcomes;
  } catch (error) {
    throw toClaudeAppError(error);
  }
}
