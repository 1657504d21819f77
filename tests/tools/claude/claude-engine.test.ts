import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { extractWithEngine } from '../../../tools/claude/extract-with-engine.ts';
import type { Page } from '../../../tools/documents/page.ts';
import { createOcrPool, type OcrPool } from '../../../tools/read/ocr-pool.ts';
import { readDocument } from '../../../tools/read/read-document.ts';
import { TEST_READ_LIMITS } from '../../support/test-read-limits.ts';
import { claudeTestConfig } from './claude-config.ts';
import {
  askedFields,
  type FakeMessagesApi,
  sentText,
  startFakeMessagesApi,
  toolAnswer,
} from './fake-messages-api.ts';

const field = (value: unknown, quote: string, confidence = 0.9) => ({ value, quote, confidence });

describe('the claude engine over the Messages API', () => {
  let api: FakeMessagesApi;
  let ocr: OcrPool;
  let invoicePages: Page[];

  beforeAll(async () => {
    api = await startFakeMessagesApi();
    ocr = createOcrPool({ size: 1 });
    const read = await readDocument(await makeInvoicePdf(SAMPLE_INVOICE), {
      mediaType: 'application/pdf',
      limits: TEST_READ_LIMITS,
      ocr,
    });
    invoicePages = read.pages;
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await ocr?.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  it('extracts a born-digital invoice from its text with line positions, and boxes every quote', async () => {
    api.setHandler((request) =>
      toolAnswer(request, {
        vendor_name: field('Northwind Traders LLC', 'Northwind Traders LLC', 0.97),
        invoice_number: field('INV-2025-1042', 'INV-2025-1042'),
        total_amount: field('1907.95', '$1,907.95', 0.96),
        invoice_date: field('2025-03-15', '03/15/2025'),
      }),
    );
    const result = await extractWithEngine(invoicePages, {
      config: claudeTestConfig(api.url),
      engine: 'claude',
    });

    const [request] = api.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.body.tool_choice).toMatchObject({ type: 'tool', name: 'record_invoice' });
    expect(request?.body.model).toBe('claude-sonnet-5-5');
    // The stable prefix (tools, then system prompt with the schema guide) ends in a cache breakpoint.
    expect(request?.body.system.at(-1).cache_control).toEqual({ type: 'ephemeral' });
    expect(request?.body.system.at(-1).text).toContain('total_amount: Amount due, gross, including tax.');
    expect(request?.body.tools[0].input_schema.properties.total_amount.properties.value.pattern).toBe(
      '^-?\\d+\\.\\d{2}$',
    );
    expect(sentText(request!)).toMatch(/\[y=0\.\d{3} x=0\.\d{3}\] Total Due \$1,907\.95/);
    expect(request?.body.messages[0].content.some((b: { type: string }) => b.type === 'image')).toBe(false);

    expect(result.engine.name).toBe('claude');
    expect(result.engine.version).toMatch(/^prompt-1\.0\.0\/schema-[0-9a-f]{10}\/claude-sonnet-5-5$/);
    expect(result.docType).toBe('invoice');
    const total = result.fields.total_amount;
    expect(total?.value).toBe('1907.95');
    expect(total?.source?.text).toBe('$1,907.95');
    const printed = invoicePages[0]?.words.find((w) => w.text === '$1,907.95');
    expect(total?.source?.bbox).toEqual(printed?.bbox);
    expect(total?.source?.page).toBe(1);
    expect(result.fields.vendor_name?.source?.text).toBe('Northwind Traders LLC');
    // The rules read the total too and agree: two readers agreeing beat either alone.
    expect(total?.confidence).toBeGreaterThan(0.95);
    expect(result.findings).toEqual([]);
    expect(result.timings.llmInputTokens).toBe(100);
  });

  it('keeps a value whose quote is not on the page, without a box, at a cut confidence, with a finding', async () => {
    api.setHandler((request) =>
      toolAnswer(request, {
        total_amount: field('1907.95', '$1,907.95', 0.9),
        po_number: field('PO-7731', 'PO Number: PO-7731', 0.9),
      }),
    );
    const result = await extractWithEngine(invoicePages, {
      config: claudeTestConfig(api.url),
      engine: 'claude',
    });
    const po = result.fields.po_number;
    expect(po?.value).toBe('PO-7731');
    expect(po?.source).toBeUndefined();
    expect(po?.confidence).toBeLessThanOrEqual(0.45);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'quote_not_found', field: 'po_number', severity: 'warning' }),
    ]);
    expect(result.fields.total_amount?.source).toBeDefined();
  });

  it('finds a quote with OCR spacing and look-alike characters', async () => {
    api.setHandler((request) =>
      toolAnswer(request, { invoice_number: field('INV-2025-1042', 'lNV 2O25 - 1042', 0.9) }),
    );
    const result = await extractWithEngine(invoicePages, {
      config: claudeTestConfig(api.url),
      engine: 'claude',
    });
    expect(result.fields.invoice_number?.source?.text).toBe('INV-2025-1042');
  });

  it('auto asks the model only for the fields the rules read below threshold, and merges', async () => {
    api.setHandler((request) =>
      toolAnswer(request, {
        vendor_name: field('Northwind Traders LLC', 'Northwind Traders LLC', 0.95),
        customer_name: field('Contoso Finance Inc.', 'Contoso Finance Inc.', 0.95),
        vendor_address: field('1200 Harbor Way, Seattle, WA 98101', '1200 Harbor Way', 0.9),
      }),
    );
    const result = await extractWithEngine(invoicePages, {
      config: claudeTestConfig(api.url),
      engine: 'auto',
    });

    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    // The rules read vendor_name at 0.45, vendor_address at 0.75, customer_name at 0.64; all else ≥ 0.8.
    expect(askedFields(request!)).toEqual(['vendor_name', 'vendor_address', 'customer_name']);
    expect(sentText(request!)).toContain(
      'Record only these fields: vendor_name, vendor_address, customer_name.',
    );
    expect(result.engine.name).toBe('auto');
    expect(result.engine.version).toMatch(/^rules-[\d.]+\/prompt-/);
    expect(result.fields.vendor_name?.confidence).toBeGreaterThan(0.9);
    expect(result.fields.total_amount?.value).toBe('1907.95'); // the rules' own, untouched
    expect(result.fields.line_items).toBeDefined();
  });

  it('auto does not call the model when every field is at or above threshold', async () => {
    const config = claudeTestConfig(api.url, { CONFIDENCE_THRESHOLD: '0.4' });
    const result = await extractWithEngine(invoicePages, { config, engine: 'auto' });
    expect(api.requests).toHaveLength(0);
    expect(result.engine.name).toBe('auto');
  });

  it('lets the model choose the type when the classification is unsure', async () => {
    api.setHandler((request) =>
      toolAnswer(request, { total_amount: field('1907.95', '$1,907.95') }, { toolName: 'record_invoice' }),
    );
    const config = claudeTestConfig(api.url, { CONFIDENCE_THRESHOLD: '0.99' });
    const result = await extractWithEngine(invoicePages, { config, engine: 'auto' });
    const [request] = api.requests;
    expect(request?.body.tool_choice.type).toBe('any');
    expect(request?.body.tools.map((t: { name: string }) => t.name)).toContain('record_w9');
    expect(result.docType).toBe('invoice');
    expect(result.fields.total_amount?.value).toBe('1907.95');
  });
});
