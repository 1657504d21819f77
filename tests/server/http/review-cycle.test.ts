import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvoiceFixture, invoiceTotals, makeInvoicePdf } from '../../../evals/synth/make-invoice-pdf.ts';
import { verifyWebhookSignature } from '../../../tools/export/webhook-signature.ts';
import { unbalancedInvoice } from '../../support/invoice-fixtures.ts';
import { startTestServer, type TestServer, uploadForm } from '../../support/test-server.ts';
import { startWebhookReceiver } from '../../support/webhook-receiver.ts';

const SECRET = 'test-webhook-secret-0123456789';

type Task = {
  id: string;
  documentId: string;
  status: string;
  reasons: string[];
  claimedBy?: string;
  fourEyes: { required: boolean; reasons: string[]; firstApprover?: string };
};
type View = {
  id: string;
  status: string;
  validation?: Array<{ rule: string; severity: string; field?: string; message: string }>;
  fields?: Record<string, { value: unknown }>;
  review?: Task & {
    taskId: string;
    corrections: Array<{ field: string; before: unknown; after: unknown; actor: string }>;
  };
  exports: Array<{ target: string; status: string }>;
};

/** Four boxes of paper at `unitPrice`, printed with a total ten dollars too high. */
const paperInvoice = (invoiceNumber: string, unitPrice: number) =>
  unbalancedInvoice(invoiceNumber, {
    lines: [{ description: 'Printer paper, boxes', quantity: 4, unitPrice }],
  });

describe('the review cycle over HTTP', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let reviewerA: string;
  let reviewerB: string;
  let approver: string;
  let secondApprover: string;
  let viewer: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOWED_HOSTS: receiver.host,
      FOUR_EYES_LIMIT: '1000',
      AUTO_APPROVE_LIMIT: '100000',
    });
    [reviewerA, reviewerB, approver, secondApprover, viewer] = await Promise.all([
      server.tokenFor('reviewer'),
      server.tokenFor('reviewer'),
      server.tokenFor('approver'),
      server.tokenFor('approver'),
      server.tokenFor('viewer'),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  async function submit(name: string, fixture: InvoiceFixture): Promise<string> {
    const form = uploadForm([{ name, content: await makeInvoicePdf(fixture) }]);
    const response = await server.api('POST', '/api/documents', { body: form });
    expect(response.status).toBe(202);
    return ((await response.json()) as { documents: Array<{ id: string }> }).documents[0]!.id;
  }

  async function view(id: string): Promise<View> {
    return (await (await server.api('GET', `/api/documents/${id}`)).json()) as View;
  }

  /** Polls the document's own state; the test timeout is the only bound. */
  async function waitForStatus(id: string, status: string): Promise<View> {
    for (;;) {
      const current = await view(id);
      if (current.status === status) return current;
      if (current.status === 'failed') throw new Error(`Document ${id} failed: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const post = (route: string, token: string, body: object = {}) =>
    server.api('POST', route, { token, body });

  it('takes an unbalanced invoice through review, correction and approval to export', async () => {
    const fixture = paperInvoice('FAB-1001', 20);
    const id = await submit('fabrikam-1001.pdf', fixture);
    const settled = (await server.waitForSettled(id)) as unknown as View;
    expect(settled.status).toBe('needs_review');
    const totals = settled.validation?.find((finding) => finding.rule === 'totals_balance');
    expect(totals).toMatchObject({ severity: 'error', field: 'total_amount' });

    const queue = (await (
      await server.api('GET', '/api/review?reason=totals_balance', { token: viewer })
    ).json()) as {
      tasks: Task[];
    };
    const task = queue.tasks.find((t) => t.documentId === id);
    expect(task?.reasons.some((reason) => reason.startsWith('totals_balance:'))).toBe(true);

    // Two reviewers claim at once: one lease, one conflict.
    const claims = await Promise.all([
      post(`/api/review/${task!.id}/claim`, reviewerA),
      post(`/api/review/${task!.id}/claim`, reviewerB),
    ]);
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = claims[0]!.status === 200 ? reviewerA : reviewerB;
    const loser = winner === reviewerA ? reviewerB : reviewerA;
    expect(
      ((await claims.find((r) => r.status === 409)!.json()) as { error: { code: string } }).error.code,
    ).toBe('CONFLICT');
    // The loser cannot decide a task someone else holds either.
    expect((await post(`/api/review/${task!.id}/approve`, loser)).status).toBe(409);
    // A viewer cannot approve at all.
    expect((await post(`/api/review/${task!.id}/approve`, viewer)).status).toBe(403);
    // A corrected value must have the schema's format.
    const malformed = await post(`/api/review/${task!.id}/approve`, winner, {
      corrections: { total_amount: 'lots' },
    });
    expect(malformed.status).toBe(400);

    const correctTotal = invoiceTotals(fixture).total;
    const approved = await post(`/api/review/${task!.id}/approve`, winner, {
      corrections: { total_amount: correctTotal },
      reason: 'total misprinted; lines and tax add up to less',
    });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { task: Task }).task.status).toBe('approved');

    const exported = await waitForStatus(id, 'exported');
    expect(exported.review?.corrections).toMatchObject([{ field: 'total_amount', after: correctTotal }]);
    expect(exported.exports.map((e) => [e.target, e.status])).toEqual([
      ['folder', 'delivered'],
      ['webhook', 'delivered'],
    ]);

    const file = path.join(server.runtime.ctx.config.EXPORT_DIR, 'invoice', `${id}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as { fields: Record<string, unknown> };
    expect(record.fields.total_amount).toBe(correctTotal);
    const delivery = receiver.received.find((request) => request.body.includes(id));
    expect(delivery).toBeDefined();
    const signature = String(delivery!.headers['x-paperwork-signature']);
    expect(verifyWebhookSignature(SECRET, delivery!.body, signature)).toBe(true);
    expect(verifyWebhookSignature('another-secret-entirely', delivery!.body, signature)).toBe(false);
    expect(delivery!.headers['idempotency-key']).toBeTruthy();

    const audit = (await (await server.api('GET', `/api/audit?documentId=${id}`)).json()) as {
      entries: Array<{ action: string; actor: string }>;
    };
    const actions = audit.entries.map((entry) => entry.action);
    for (const action of [
      'document.received',
      'document.needs_review',
      'review.claimed',
      'review.corrected',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.indexOf('document.approved')).toBeLessThan(actions.indexOf('document.exported'));
    const verified = (await (await server.api('GET', '/api/audit/verify')).json()) as {
      ok: boolean;
      entries: number;
    };
    expect(verified.ok).toBe(true);
    expect(verified.entries).toBeGreaterThan(audit.entries.length);
  });

  it('needs a second, different approver above the four-eyes limit', async () => {
    // 4 × 300 + 10% tax = 1320, over the 1000 limit; printed wrong so that it goes to review.
    const id = await submit('fabrikam-2002.pdf', paperInvoice('FAB-2002', 300));
    await server.waitForSettled(id);
    const { review } = await view(id);
    expect(review?.fourEyes.required).toBe(true);
    const taskId = review!.taskId;

    const first = await post(`/api/review/${taskId}/approve`, approver, {
      corrections: { total_amount: '1320.00' },
    });
    expect(first.status).toBe(200);
    const afterFirst = (await first.json()) as { task: Task; document: { status: string } };
    expect(afterFirst.task.status).toBe('awaiting_second');
    expect(afterFirst.document.status).toBe('needs_review');

    // The first approver cannot give the second approval, and a reviewer is not an approver.
    const again = await post(`/api/review/${taskId}/approve`, approver);
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /different approver/,
    );
    expect((await post(`/api/review/${taskId}/approve`, reviewerB)).status).toBe(403);

    const second = await post(`/api/review/${taskId}/approve`, secondApprover);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { task: Task }).task.status).toBe('approved');
    await waitForStatus(id, 'exported');
  });

  it('rejects with a reason, and only with one', async () => {
    const id = await submit('fabrikam-3003.pdf', paperInvoice('FAB-3003', 15));
    await server.waitForSettled(id);
    const taskId = (await view(id)).review!.taskId;
    expect((await post(`/api/review/${taskId}/reject`, reviewerA)).status).toBe(400);
    const rejected = await post(`/api/review/${taskId}/reject`, reviewerA, { reason: 'not our order' });
    expect(rejected.status).toBe(200);
    expect(((await rejected.json()) as { document: { status: string } }).document.status).toBe('rejected');
    expect((await post(`/api/review/${taskId}/approve`, approver)).status).toBe(409);
  });

  it('flags the same vendor and invoice number as a duplicate', async () => {
    const fixture = paperInvoice('FAB-4004', 12);
    const first = await submit('fabrikam-4004.pdf', fixture);
    await server.waitForSettled(first);
    // Another file (a different line) with the same vendor and invoice number.
    const second = await submit('fabrikam-4004-again.pdf', {
      ...fixture,
      lines: [{ ...fixture.lines[0]!, quantity: 5 }],
    });
    const settled = (await server.waitForSettled(second)) as unknown as View;
    expect(settled.validation?.map((finding) => finding.rule)).toContain('duplicate_invoice_number');
  });

  it('finds a tampered audit entry', async () => {
    const { db } = server.runtime.ctx;
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const verified = (await (await server.api('GET', '/api/audit/verify')).json()) as {
      ok: boolean;
      brokenAt?: number;
    };
    expect(verified).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
