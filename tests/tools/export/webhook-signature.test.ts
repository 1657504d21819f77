import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../../../tools/export/webhook-signature.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const BODY = JSON.stringify({ documentId: 'd1', fields: { total_amount: '1234.50' } });
const NOW = 1_780_000_000;

describe('webhook signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, which a receiver recomputes', () => {
    const header = signWebhook(SECRET, BODY, NOW);
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${NOW},v1=${expected}`);
    expect(verifyWebhookSignature(SECRET, BODY, header, { nowSeconds: NOW + 5 })).toBe(true);
  });

  it.each([
    ['a changed body', SECRET, `${BODY} `, NOW],
    ['another secret', 'another-secret-0123456789', BODY, NOW],
    ['a timestamp older than the tolerance', SECRET, BODY, NOW + 301],
  ])('refuses %s', (_name, secret, body, now) => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhookSignature(secret, body, header, { nowSeconds: now })).toBe(false);
  });

  it.each(['', 't=abc,v1=00', `t=${NOW}`, `t=${NOW},v1=zz`])('refuses the malformed header %j', (header) => {
    expect(verifyWebhookSignature(SECRET, BODY, header, { nowSeconds: NOW })).toBe(false);
  });
});
