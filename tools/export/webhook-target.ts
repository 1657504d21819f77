import { AppError } from '../core/app-error.ts';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';

/** How long one POST may take, connection to last byte of the answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookDelivery = {
  url: string;
  secret: string;
  allowedHosts: readonly string[];
  /** The JSON body, sent as is: the signature covers these exact bytes. */
  body: string;
  idempotencyKey: string;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/** Whether `url` may receive webhooks: http(s) to a host (host:port when not the default) on the list. */
export function isAllowedWebhookUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const isHttp = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  return isHttp && !parsed.username && !parsed.password && allowedHosts.includes(parsed.host.toLowerCase());
}

/**
 * POSTs a signed record once. A 2xx answer is delivered. Throws an `upstream` AppError for what may pass
 * (408, 429, 5xx, network errors, the timeout), so the job retries with backoff, and a `user` AppError for
 * what will not (a host not on the list, a redirect, any other 4xx), so it stops at once.
 * The secret is never logged or put in an error message.
 */
export async function sendWebhook(delivery: WebhookDelivery): Promise<{ status: number }> {
  const host = hostOf(delivery.url);
  if (!isAllowedWebhookUrl(delivery.url, delivery.allowedHosts)) {
    throw new AppError(
      'FORBIDDEN',
      `The webhook host ${host} is not in WEBHOOK_ALLOWED_HOSTS; nothing was sent.`,
      { kind: 'user' },
    );
  }
  const timeout = AbortSignal.timeout(delivery.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(delivery.url, {
      method: 'POST',
      body: delivery.body,
      redirect: 'manual',
      signal: delivery.signal ? AbortSignal.any([delivery.signal, timeout]) : timeout,
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': delivery.idempotencyKey,
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
        'User-Agent': 'paperwork-export',
      },
    });
  } catch (caught) {
    const reason = timeout.aborted
      ? `no answer within ${delivery.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms`
      : networkReason(caught);
    throw new AppError('UPSTREAM_UNAVAILABLE', `The webhook at ${host} could not be reached: ${reason}.`, {
      kind: 'upstream',
      cause: caught,
    });
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  }
  const answer = await readSnippet(response);
  const said = `The webhook at ${host} answered ${response.status}${answer && `: ${answer}`}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    throw new AppError('UPSTREAM_UNAVAILABLE', `${said}.`, { kind: 'upstream' });
  }
  if (response.status >= 300 && response.status < 400) {
    throw new AppError(
      'BAD_REQUEST',
      `${said} (a redirect to ${response.headers.get('location') ?? 'nowhere'}); redirects are not followed: set WEBHOOK_URL to the final address.`,
      { kind: 'user' },
    );
  }
  throw new AppError('BAD_REQUEST', `${said}; not retried until retry_export.`, { kind: 'user' });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(an invalid URL)';
  }
}

function networkReason(caught: unknown): string {
  const cause = (caught as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (caught instanceof Error ? caught.message : String(caught));
}

/** The start of the answer, on one line: enough to say why, never a whole page read into memory. */
async function readSnippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < 2_048) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // What arrived before the stream broke is still worth showing.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
