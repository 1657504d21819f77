import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import { verifyWebhookSignature } from '../../../tools/export/webhook-signature.ts';
import { isAllowedWebhookUrl, sendWebhook } from '../../../tools/export/webhook-target.ts';
import { startWebhookReceiver } from '../../support/webhook-receiver.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const BODY = JSON.stringify({ documentId: 'd1', fields: { total_amount: '1234.50' } });

describe('sendWebhook', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const send = (overrides: { url?: string; allowedHosts?: string[]; timeoutMs?: number } = {}) =>
    sendWebhook({
      url: overrides.url ?? receiver.url,
      secret: SECRET,
      allowedHosts: overrides.allowedHosts ?? [receiver.host],
      body: BODY,
      idempotencyKey: 'paperwork-d1-abc',
      timeoutMs: overrides.timeoutMs,
    });

  async function failureOf(promise: Promise<unknown>): Promise<AppError> {
    const caught = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(AppError);
    return caught as AppError;
  }

  it('POSTs the body as JSON with its idempotency key and a signature the receiver verifies', async () => {
    receiver.answer = () => ({ status: 204 });
    const before = receiver.received.length;
    await expect(send()).resolves.toEqual({ status: 204 });
    const request = receiver.received[before];
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/paperwork', body: BODY });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe('paperwork-d1-abc');
    const signature = String(request?.headers['x-paperwork-signature']);
    expect(verifyWebhookSignature(SECRET, request?.body ?? '', signature)).toBe(true);
    expect(JSON.stringify(request?.headers)).not.toContain(SECRET);
  });

  it.each([408, 429, 500, 502, 503])('treats %i as passing: retried later', async (status) => {
    receiver.answer = () => ({ status, body: 'try later' });
    const error = await failureOf(send());
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain(`answered ${status}: try later`);
  });

  it.each([400, 401, 403, 404, 422])('treats %i as final: not retried', async (status) => {
    receiver.answer = () => ({ status, body: 'no such account' });
    const error = await failureOf(send());
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain(`answered ${status}: no such account`);
  });

  it('does not follow a redirect, not even to an allowed host', async () => {
    receiver.answer = (request) =>
      request.path === '/moved' ? { status: 200 } : { status: 302, headers: { location: '/moved' } };
    const before = receiver.received.length;
    const error = await failureOf(send());
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/redirects are not followed/);
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/hooks/paperwork']);
  });

  it('never contacts a host that is not on the list', async () => {
    const before = receiver.received.length;
    const error = await failureOf(send({ allowedHosts: ['hooks.partner.example'] }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.isRetryable).toBe(false);
    expect(receiver.received.length).toBe(before);
  });

  it('treats an unreachable receiver as passing', async () => {
    const error = await failureOf(send({ url: 'http://127.0.0.1:9/hook', allowedHosts: ['127.0.0.1:9'] }));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('gives up on a receiver that does not answer in time, as passing', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const error = await failureOf(
        send({ url: `http://${host}/hook`, allowedHosts: [host], timeoutMs: 200 }),
      );
      expect(error.isRetryable).toBe(true);
      expect(error.message).toMatch(/no answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.each([
    ['http://hooks.partner.example/x', ['hooks.partner.example'], true],
    ['https://Hooks.Partner.example:8443/x', ['hooks.partner.example:8443'], true],
    ['https://hooks.partner.example:8443/x', ['hooks.partner.example'], false],
    ['https://hooks.partner.example.evil.test/x', ['hooks.partner.example'], false],
    ['https://user:pw@hooks.partner.example/x', ['hooks.partner.example'], false],
    ['ftp://hooks.partner.example/x', ['hooks.partner.example'], false],
    ['not a url', ['hooks.partner.example'], false],
  ])('allows %s for %j: %s', (url, hosts, allowed) => {
    expect(isAllowedWebhookUrl(url, hosts)).toBe(allowed);
  });
});
