import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceTotals } from '../../../evals/synth/make-invoice-pdf.ts';
import { createApiToken } from '../../../tools/storage/api-tokens.ts';
import { stageJobId } from '../../../workflows/pipeline-queues.ts';
import { unbalancedInvoice } from '../../support/invoice-fixtures.ts';
import { submitUnbalancedInvoice } from '../../support/submit-for-review.ts';
import { launchTestBrowser, logInWithToken } from '../../support/test-browser.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import {
  agentTurn,
  type FakeMessagesApi,
  type SentRequest,
  startFakeMessagesApi,
  turnOf,
} from '../../tools/claude/fake-messages-api.ts';

const SCREENSHOT = fileURLToPath(new URL('../../../docs/review-screen.png', import.meta.url));
/** Every test invoice has the same lines and tax, so the same right total: the one the resolver proposes. */
const RIGHT_TOTAL = invoiceTotals(unbalancedInvoice('X')).total;
/** Model output about document text is data too: the rationale carries markup that must stay text. */
const HOSTILE_RATIONALE = '<img src=x onerror=window.__pwned=9> the number printed twice';
const TOTAL_RATIONALE = 'lines 80.00 + tax 8.00 = 88.00; the printed 98.00 is 10.00 more';

type Suggestion = { id: string; field: string; status: string };
type View = {
  status: string;
  review?: { taskId: string; corrections?: Array<{ field: string; after: unknown; actor: string }> };
  suggestions?: Suggestion[];
};

describe('the agents in the review UI', () => {
  let api: FakeMessagesApi;
  let server: TestServer;
  let browser: Browser;
  const tokens = { alice: '', vera: '' };
  /** What the copilot is asked to do in the current test: resolve_review on this task. */
  let copilotTask = '';

  /** The stand-in model: as the resolver it proposes two corrections; as the copilot it asks to approve. */
  const answer = (request: SentRequest) => {
    const turn = turnOf(request);
    if (JSON.stringify(request.body.system).includes('exception resolver')) {
      if (turn > 0) return agentTurn(request, [{ type: 'text', text: 'Two corrections proposed.' }]);
      return agentTurn(request, [
        { type: 'text', text: 'The lines and tax do not make the printed total.' },
        {
          type: 'tool_use',
          name: 'propose_correction',
          input: { field: 'total_amount', value: RIGHT_TOTAL, rationale: TOTAL_RATIONALE },
        },
        {
          type: 'tool_use',
          name: 'propose_correction',
          input: { field: 'invoice_number', value: 'GUESS-1', rationale: HOSTILE_RATIONALE },
        },
      ]);
    }
    if (turn > 0) return agentTurn(request, [{ type: 'text', text: 'The approval waits for a reviewer.' }]);
    return agentTurn(request, [
      { type: 'text', text: 'Approving the invoice, as you asked.' },
      { type: 'tool_use', name: 'resolve_review', input: { id: copilotTask, decision: 'approve' } },
    ]);
  };

  beforeAll(async () => {
    api = await startFakeMessagesApi(answer);
    // With a key and RESOLVER_AUTO unset, the resolver runs by itself on every document in review.
    server = await startTestServer({
      ANTHROPIC_API_KEY: 'sk-ant-test-not-a-key',
      ANTHROPIC_BASE_URL: api.url,
      PAPERWORK_ENGINE: 'rules',
    });
    for (const [name, role] of [
      ['alice', 'approver'],
      ['vera', 'viewer'],
    ] as const) {
      tokens[name] = (
        await createApiToken(server.runtime.ctx.db, { name, role, createdBy: server.runtime.ctx.actor })
      ).token;
    }
    browser = await launchTestBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await api?.close();
  }, 60_000);

  const view = async (id: string) => (await (await server.api('GET', `/api/documents/${id}`)).json()) as View;
  const resolveJobState = async (id: string) =>
    (await server.runtime.queues.queues.resolve.getJob(stageJobId('resolve', id)))?.getState();

  /** Uploads an invoice that goes to review, and waits until the resolver has stored its suggestions. */
  async function submitWithSuggestions(invoiceNumber: string): Promise<{ id: string; taskId: string }> {
    const submitted = await submitUnbalancedInvoice(server, invoiceNumber);
    while ((await resolveJobState(submitted.id)) !== 'completed')
      await new Promise((r) => setTimeout(r, 100));
    expect((await view(submitted.id)).suggestions?.map((s) => s.field)).toEqual([
      'total_amount',
      'invoice_number',
    ]);
    return submitted;
  }

  const logIn = (token: string) => logInWithToken(browser, server.url, token);

  async function openDocument(page: Page, id: string, file: string) {
    await page.goto(`${server.url}/#/documents/${id}`);
    await page.getByRole('heading', { name: file, exact: true }).waitFor();
    await page
      .getByRole('button', { name: /^Approve/ })
      .and(page.locator(':enabled'))
      .waitFor();
  }

  it("shows the resolver's suggestion beside its field as text; A accepts it and approving records it", async () => {
    const { id } = await submitWithSuggestions('SUG-1001');
    const { context, page } = await logIn(tokens.alice);
    await openDocument(page, id, 'SUG-1001.pdf');

    const card = page.locator('.field[data-field="total_amount"] .suggestion');
    await card.waitFor();
    expect(await card.locator('.suggested-value').textContent()).toBe(RIGHT_TOTAL);
    expect(await card.locator('.rationale').textContent()).toBe(TOTAL_RATIONALE);
    const guess = page.locator('.field[data-field="invoice_number"] .suggestion .rationale');
    expect(await guess.textContent()).toBe(HOSTILE_RATIONALE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.getByText('accept / dismiss the suggestion in focus').waitFor();

    // S goes to the first suggestion waiting for a decision.
    await page.keyboard.press('s');
    expect(await card.evaluate(isFocused)).toBe(true);
    await page.locator('.box.is-selected[data-field="total_amount"]').waitFor();
    if (process.env.PAPERWORK_SCREENSHOT === '1') {
      await mkdir(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    }
    await page.keyboard.press('a');
    await page.locator('.suggestion[data-status="accepted"][data-field="total_amount"]').waitFor();
    expect(await page.locator('#field-total_amount').inputValue()).toBe(RIGHT_TOTAL);
    // A second A on the decided suggestion says so and approves nothing.
    await page.keyboard.press('a');
    await page.locator('#status-message', { hasText: 'already accepted' }).waitFor();
    expect((await view(id)).status).toBe('needs_review');

    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await page.locator('#status-message', { hasText: 'Approved SUG-1001.pdf.' }).waitFor();
    const after = await view(id);
    expect(['approved', 'exported']).toContain(after.status);
    expect(after.review?.corrections?.map((c) => [c.field, c.after, c.actor])).toEqual([
      ['total_amount', RIGHT_TOTAL, 'alice'],
    ]);
    expect(after.suggestions?.map((s) => s.status)).toEqual(['accepted', 'pending']);
    await context.close();
  });

  it('dismisses the suggestion in focus with D, and a dismissed one never applies', async () => {
    const { id } = await submitWithSuggestions('SUG-1002');
    const { context, page } = await logIn(tokens.alice);
    await openDocument(page, id, 'SUG-1002.pdf');
    await page.locator('.field[data-field="total_amount"] .suggestion').waitFor();
    await page.keyboard.press('s');
    await page.keyboard.press('d');
    await page.locator('.suggestion[data-status="dismissed"][data-field="total_amount"]').waitFor();
    expect((await view(id)).suggestions?.map((s) => s.status)).toEqual(['dismissed', 'pending']);
    expect(await page.locator('#field-total_amount').inputValue()).not.toBe(RIGHT_TOTAL);

    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await page.locator('#status-message', { hasText: 'Approved SUG-1002.pdf.' }).waitFor();
    expect((await view(id)).review?.corrections ?? []).toEqual([]);
    await context.close();
  });

  it('lists a copilot request in the queue only for a role that may run it, and A there approves it', async () => {
    const { id, taskId } = await submitWithSuggestions('ACT-1003');
    copilotTask = taskId;
    const asked = await server.api('POST', '/api/agent', {
      token: tokens.vera,
      body: { question: 'Approve ACT-1003.' },
    });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { pendingActions: unknown[] }).pendingActions).toHaveLength(1);

    // Vera, a viewer, may not approve a review: the action is not offered to her.
    const vera = await logIn(tokens.vera);
    await vera.page.locator('.pending-actions[data-loaded]').waitFor({ state: 'attached' });
    expect(await vera.page.locator('.pending-action').count()).toBe(0);
    await vera.context.close();

    const { context, page } = await logIn(tokens.alice);
    const action = page.locator('.pending-action', { hasText: 'resolve_review' });
    await action.waitFor();
    expect(await action.textContent()).toContain('asked by vera through the copilot');
    await action.getByRole('link', { name: 'ACT-1003.pdf' }).waitFor();
    await page.keyboard.press('p');
    expect(await action.evaluate(isFocused)).toBe(true);
    await page.keyboard.press('a');
    await action.locator('.outcome', { hasText: 'Approved by alice: resolve_review ran' }).waitFor();
    expect(['approved', 'exported']).toContain((await view(id)).status);
    await context.close();
  });

  it("shows today's Claude tokens on the queue screen, as queue_stats counts them", async () => {
    // Every resolver job is done, so the count does not move while the page loads.
    const counts = await server.runtime.queues.queues.resolve.getJobCounts('waiting', 'active', 'delayed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0 });
    const stats = (await (await server.api('POST', '/api/tools/queue_stats', { body: {} })).json()) as {
      llmUsage: Array<{
        day: string;
        inputTokens: number;
        outputTokens: number;
        cacheReadTokens: number;
        cacheWriteTokens: number;
      }>;
    };
    const today = new Date().toISOString().slice(0, 10);
    const tokensToday = stats.llmUsage
      .filter((row) => row.day === today)
      .reduce((n, r) => n + r.inputTokens + r.outputTokens + r.cacheReadTokens + r.cacheWriteTokens, 0);
    expect(tokensToday).toBeGreaterThan(0);

    const { context, page } = await logIn(tokens.vera);
    await page
      .getByTestId('llm-usage')
      .filter({ hasText: `today: ${tokensToday.toLocaleString('en-US')} tokens` })
      .waitFor();
    await context.close();
  });
});

/** Runs in the page: whether the element has the focus. */
function isFocused(element: unknown): boolean {
  return (element as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === element;
}
