import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceTotals, makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { createApiToken } from '../../../tools/storage/api-tokens.ts';
import { launchTestBrowser, logInWithToken } from '../../support/test-browser.ts';
import { startTestServer, type TestServer, uploadForm } from '../../support/test-server.ts';

const HOSTILE_FILE = '<img src=x onerror=window.__pwned=3>.pdf';
const HOSTILE_VENDOR = '<script>window.__pwned=1</script>';
const HOSTILE_LINE = '<img src=x onerror=window.__pwned=2>';

type View = {
  id: string;
  status: string;
  validation?: Array<{ rule: string }>;
  review?: { taskId: string; corrections?: Array<{ field: string; after: unknown; actor: string }> };
};

describe('the review UI in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const tokens = { alice: '', bob: '' };
  const ids = { unbalanced: '', large: '', hostile: '' };
  const totals = invoiceTotals(SAMPLE_INVOICE);

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['alice', 'bob'] as const) {
      const created = await createApiToken(server.runtime.ctx.db, {
        name,
        role: 'approver',
        createdBy: server.runtime.ctx.actor,
      });
      tokens[name] = created.token;
    }
    // A total with two digits swapped: subtotal + tax no longer make it.
    ids.unbalanced = await upload(
      'unbalanced.pdf',
      await makeInvoicePdf({ ...SAMPLE_INVOICE, printedTotal: Number(swapDigits(totals.total)) }),
    );
    ids.large = await upload(
      'large.pdf',
      await makeInvoicePdf({
        ...SAMPLE_INVOICE,
        invoiceNumber: 'INV-2025-9001',
        lines: [
          { description: 'Annual platform licence', quantity: 1, unitPrice: 9800 },
          { description: 'Premium support', quantity: 1, unitPrice: 1200 },
        ],
      }),
    );
    ids.hostile = await upload(
      HOSTILE_FILE,
      await makeInvoicePdf({
        ...SAMPLE_INVOICE,
        vendor: HOSTILE_VENDOR,
        invoiceNumber: 'INV-2025-6660',
        lines: [
          { description: HOSTILE_VENDOR, quantity: 1, unitPrice: 50 },
          { description: HOSTILE_LINE, quantity: 2, unitPrice: 25 },
        ],
      }),
    );
    browser = await launchTestBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function upload(name: string, content: Uint8Array): Promise<string> {
    const response = await server.api('POST', '/api/documents', { body: uploadForm([{ name, content }]) });
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { documents: Array<{ id: string }> }).documents[0]!.id;
    await server.waitForSettled(id);
    return id;
  }

  async function view(id: string): Promise<View> {
    return (await (await server.api('GET', `/api/documents/${id}`)).json()) as View;
  }

  const logIn = (token: string) => logInWithToken(browser, server.url, token);

  /** Opens a document from the review queue with the keyboard: J walks the rows, Enter opens one. */
  async function openFromQueue(page: Page, file: string) {
    await page.goto(`${server.url}/#/queue`);
    const link = page.getByRole('link', { name: file, exact: true });
    await link.waitFor();
    for (let i = 0; i < 10 && !(await link.evaluate(isFocused)); i += 1) {
      await page.keyboard.press('j');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: file, exact: true }).waitFor();
  }

  async function waitForStatus(page: Page, label: string) {
    await page.getByTestId('doc-status').filter({ hasText: label }).waitFor({ timeout: 50_000 });
  }

  it('fixes an unbalanced total from the keyboard, approves it and sees it exported', async () => {
    const before = await view(ids.unbalanced);
    expect(before.status).toBe('needs_review');
    expect(before.validation?.map((f) => f.rule)).toContain('totals_balance');

    const { context, page } = await logIn(tokens.alice);
    expect(await page.getByTestId('actor').textContent()).toBe('alice · approver');
    await openFromQueue(page, 'unbalanced.pdf');

    const total = page.locator('#field-total_amount');
    expect(await total.inputValue()).toBe(swapDigits(totals.total));
    expect(await page.locator('.box[data-field="total_amount"]').count()).toBe(1);
    // F goes to the first flagged field; Enter saves a field and goes on to the next flagged one.
    await page.keyboard.press('f');
    for (let i = 0; i < 15 && !(await total.evaluate(isFocused)); i += 1) {
      await page.keyboard.press('Enter');
    }
    await page.locator('.box.is-selected[data-field="total_amount"]').waitFor();
    // A total typed the way it is printed is refused beside the field, and the focus stays there.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1,907.95');
    await page.keyboard.press('Enter');
    await page.locator('#field-total_amount-error', { hasText: 'Money like 1234.50' }).waitFor();
    expect(await total.evaluate(isFocused)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(totals.total);
    await page.keyboard.press('Enter');
    await page.locator('.field.is-edited[data-field="total_amount"]').waitFor();
    await page.getByText(`Total amount: ${swapDigits(totals.total)} → ${totals.total}`).waitFor();

    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await page.locator('#status-message', { hasText: 'Approved unbalanced.pdf.' }).waitFor();

    const after = await view(ids.unbalanced);
    expect(['approved', 'exported']).toContain(after.status);
    expect(after.review?.corrections).toEqual([
      expect.objectContaining({ field: 'total_amount', after: totals.total, actor: 'alice' }),
    ]);
    await page.goto(`${server.url}/#/documents/${ids.unbalanced}`);
    await waitForStatus(page, 'Exported');
    await context.close();
  });

  it('asks for a second approver on a large invoice and lets a different one finish it', async () => {
    const alice = await logIn(tokens.alice);
    await openFromQueue(alice.page, 'large.pdf');
    await alice.page.keyboard.press('a');
    await alice.page
      .locator('#status-message', { hasText: 'Needs a second approval by an approver other than alice' })
      .waitFor();
    await alice.page.goto(`${server.url}/#/documents/${ids.large}`);
    await alice.page
      .getByTestId('four-eyes')
      .filter({ hasText: 'Needs a second approval by an approver other than alice' })
      .waitFor();
    expect(await alice.page.getByRole('button', { name: /^Approve/ }).isDisabled()).toBe(true);
    await alice.context.close();

    const bob = await logIn(tokens.bob);
    await openFromQueue(bob.page, 'large.pdf');
    await bob.page.getByTestId('four-eyes').filter({ hasText: 'other than alice' }).waitFor();
    await bob.page.keyboard.press('a');
    await bob.page.locator('#status-message', { hasText: 'Approved large.pdf.' }).waitFor();
    expect(['approved', 'exported']).toContain((await view(ids.large)).status);
    await bob.context.close();
  });

  it('shows document text that looks like HTML as text and never runs it', async () => {
    const { context, page } = await logIn(tokens.alice);
    await page.goto(`${server.url}/#/documents?q=${encodeURIComponent('onerror')}`);
    const link = page.getByRole('link', { name: HOSTILE_FILE, exact: true });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { name: HOSTILE_FILE, exact: true }).waitFor();
    await page.locator('.field').first().waitFor();

    const values = await page
      .locator('.fields input')
      .evaluateAll((inputs) => inputs.map((input) => (input as { value: string }).value));
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees.
    const text = await page.locator('main').innerText();
    expect(text).toContain(HOSTILE_FILE);
    expect(text).toContain(HOSTILE_VENDOR);
    expect(text).toContain(HOSTILE_LINE);
    expect(values.join('\n')).toContain(HOSTILE_LINE);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    await context.close();
  });

  it('keeps a task claimed by someone else read-only, and rejects with a reason typed at the keyboard', async () => {
    // The hostile invoice's vendor is read with low confidence, so it waits for a person. Bob holds its lease.
    const hostile = await view(ids.hostile);
    expect(hostile.status).toBe('needs_review');
    const taskId = hostile.review!.taskId;
    await server.api('POST', `/api/review/${taskId}/release`, { token: tokens.alice });
    expect((await server.api('POST', `/api/review/${taskId}/claim`, { token: tokens.bob })).status).toBe(200);

    const alice = await logIn(tokens.alice);
    await alice.page.goto(`${server.url}/#/documents/${ids.hostile}`);
    await alice.page.locator('.review-panel .notice', { hasText: 'claimed by bob' }).waitFor();
    expect(await alice.page.getByRole('button', { name: /^Approve/ }).isDisabled()).toBe(true);
    expect(await alice.page.locator('.fields input').first().getAttribute('readonly')).not.toBeNull();
    await alice.context.close();

    const { context, page } = await logIn(tokens.bob);
    await page.goto(`${server.url}/#/documents/${ids.hostile}`);
    await page
      .getByRole('button', { name: /^Approve/ })
      .and(page.locator(':enabled'))
      .waitFor();
    await page.keyboard.press('r');
    const reason = page.getByLabel('Reason for rejecting');
    expect(await reason.evaluate(isFocused)).toBe(true);
    await page.keyboard.type('Not an invoice we owe: test document');
    await page.keyboard.press('Enter');
    await page.locator('#status-message', { hasText: 'Rejected' }).waitFor();
    expect((await view(ids.hostile)).status).toBe('rejected');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('API token').waitFor();
    const session = await page.evaluate(() => fetch('/api/session').then((r) => r.status));
    expect(session).toBe(401);
    await context.close();
  });

  it('uploads several files with a progress bar and an answer for each', async () => {
    const { context, page } = await logIn(tokens.alice);
    await page.goto(`${server.url}/#/upload`);
    const good = await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-2025-7001' });
    await page.setInputFiles('#upload-input', [
      { name: 'dropped.pdf', mimeType: 'application/pdf', buffer: Buffer.from(good) },
      { name: 'not-a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') },
    ]);
    const rows = page.locator('.uploads li');
    // Waits for either answer, so a refusal fails here with the server's words rather than as a timeout.
    const dropped = rows.filter({ hasText: 'dropped.pdf' }).locator('.outcome:has(a), .outcome.error');
    await dropped.waitFor();
    expect(await dropped.textContent()).toBe('Accepted: open');
    await rows.filter({ hasText: 'not-a.pdf' }).locator('.outcome.error', { hasText: 'Refused' }).waitFor();
    expect(await rows.locator('progress').count()).toBe(2);
    await rows.filter({ hasText: 'dropped.pdf' }).getByRole('link', { name: 'open' }).click();
    await page.getByRole('heading', { name: 'dropped.pdf', exact: true }).waitFor();
    await context.close();
  });
});

/** Runs in the page: whether the element has the focus. */
function isFocused(element: unknown): boolean {
  return (element as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === element;
}

/** `1907.95` → `1970.95`: the tens and units of the whole part swapped, as a tired hand types it. */
function swapDigits(amount: string): string {
  const [whole = '', cents = ''] = amount.split('.');
  const swapped = `${whole.slice(0, -2)}${whole.at(-1)}${whole.at(-2)}`;
  return `${swapped}.${cents}`;
}
