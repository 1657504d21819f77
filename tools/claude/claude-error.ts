import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { AppError } from '../core/app-error.ts';

/** When the API sends no usable `retry-after`: long enough for a per-minute window to move on. */
const DEFAULT_RETRY_AFTER_MS = 30_000;

/**
 * The one place Messages API failures become AppErrors, so the queue knows what to do with them:
 * 429 → RATE_LIMITED with the wait the API asks (the extract queue pauses that long);
 * 400/413/422 → BAD_REQUEST, kind user (the job fails without retry: the same request fails again);
 * 401/403 → kind user too (a wrong key is not fixed by retrying); 5xx, 529 overloaded, timeouts and
 * connection errors → UPSTREAM_UNAVAILABLE, kind upstream (retried with the queue's backoff).
 */
export function toClaudeAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof APIUserAbortError) {
    return new AppError('UPSTREAM_UNAVAILABLE', 'The Claude request was cancelled.', {
      kind: 'upstream',
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new AppError('UPSTREAM_UNAVAILABLE', `Claude could not be reached: ${error.message}`, {
      kind: 'upstream',
      cause: error,
    });
  }
  if (!(error instanceof APIError) || error.status === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('INTERNAL', `Claude call failed: ${message}`, { kind: 'system', cause: error });
  }
  const detail = error.apiMessage ?? error.message;
  const status = error.status;
  if (status === 429) {
    return new AppError('RATE_LIMITED', `Claude rate limit: ${detail}`, {
      kind: 'upstream',
      cause: error,
      retryAfterMs: retryAfterMs(error.headers) ?? DEFAULT_RETRY_AFTER_MS,
    });
  }
  if (status === 401 || status === 403) {
    return new AppError(
      'UPSTREAM_UNAVAILABLE',
      `Claude refused the API key (${status}): check ANTHROPIC_API_KEY.`,
      {
        kind: 'user',
        cause: error,
      },
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    return new AppError('BAD_REQUEST', `Claude rejected the request (${status}): ${detail}`, {
      kind: 'user',
      cause: error,
    });
  }
  return new AppError('UPSTREAM_UNAVAILABLE', `Claude is unavailable (${status}): ${detail}`, {
    kind: 'upstream',
    cause: error,
  });
}

/** `retry-after` in seconds or as an HTTP date; `retry-after-ms` when the API sends it. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const millis = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(millis) && millis >= 0) return Math.ceil(millis);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
