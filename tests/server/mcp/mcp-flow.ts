import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { type InvoiceFixture, makeInvoicePdf } from '../../../evals/synth/make-invoice-pdf.ts';
import { MCP_TOOL_NAMES } from '../../../server/mcp/create-mcp-server.ts';

export async function invoiceBase64(fixture: InvoiceFixture): Promise<string> {
  return Buffer.from(await makeInvoicePdf(fixture)).toString('base64');
}

/** A tool call that must succeed: its structured content. */
export async function callOk<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  options: { onprogress?: (progress: { progress: number; message?: string }) => void } = {},
): Promise<T> {
  const result = (await client.callTool({ name, arguments: args }, undefined, options)) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** A tool call that must fail as a tool error (not a protocol error): its text. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBe(true);
  const text = result.content.find((c) => c.type === 'text');
  return text?.type === 'text' ? text.text : '';
}

export async function expectToolList(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual([...MCP_TOOL_NAMES].sort());
  for (const tool of tools) {
    expect(tool.description?.length).toBeGreaterThan(40);
    expect(tool.inputSchema.type).toBe('object');
    expect(tool.outputSchema?.type).toBe('object');
    expect(tool.annotations?.readOnlyHint).toBeTypeOf('boolean');
  }
  const byName = new Map(tools.map((t) => [t.name, t]));
  expect(byName.get('resolve_review')?.annotations).toMatchObject({
    readOnlyHint: false,
    destructiveHint: true,
  });
  expect(byName.get('get_document')?.annotations).toMatchObject({
    readOnlyHint: true,
    destructiveHint: false,
  });
  expect(Object.keys(byName.get('submit_document')?.inputSchema.properties ?? {})).toEqual(
    expect.arrayContaining(['filename', 'contentBase64', 'path']),
  );
  // The wire form keeps the wrapped tool's other fields.
  expect(Object.keys(byName.get('extract_document')?.inputSchema.properties ?? {})).toEqual(
    expect.arrayContaining(['filename', 'contentBase64', 'path', 'docType', 'engine']),
  );
  // Small enough for a model's context many times over.
  expect(JSON.stringify(tools).length).toBeLessThan(40_000);
}

type Wait = { id: string; status: string; isDone: boolean; review?: { taskId: string; reasons: string[] } };
type Task = { id: string; documentId: string; status: string; reasons: string[] };

/**
 * submit → wait (with progress) → list the queue → resolve → get shows the decision, through any client.
 * `submitArgs` is how the file travels (base64 or a path).
 */
export async function runReviewCycle(
  client: Client,
  submitArgs: Record<string, unknown>,
  reviewerName: string,
) {
  const submitted = await callOk<{ id: string; status: string }>(client, 'submit_document', submitArgs);
  expect(submitted.id).toMatch(/^[0-9a-f-]{36}$/);

  const progress: Array<{ progress: number; message?: string }> = [];
  let waited: Wait;
  // The wait is bounded; the document's state, not a clock, ends the loop.
  do {
    waited = await callOk<Wait>(
      client,
      'wait_for_document',
      { id: submitted.id },
      { onprogress: (p) => progress.push(p) },
    );
  } while (!waited.isDone);
  expect(waited.status).toBe('needs_review');
  expect(waited.review?.reasons.some((r) => r.startsWith('totals_balance'))).toBe(true);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress[0]?.message).toMatch(/^status: /);
  for (let i = 1; i < progress.length; i++)
    expect(progress[i]!.progress).toBeGreaterThan(progress[i - 1]!.progress);

  const queue = await callOk<{ tasks: Task[] }>(client, 'list_review_queue', { reason: 'totals_balance' });
  const task = queue.tasks.find((t) => t.documentId === submitted.id);
  expect(task?.id).toBe(waited.review?.taskId);

  const resolved = await callOk<{ task: Task; document: { status: string } }>(client, 'resolve_review', {
    id: task!.id,
    decision: 'approve',
    corrections: { total_amount: '88.00' },
    reason: 'the printed total is ten dollars over the lines and tax',
  });
  expect(resolved.task.status).toBe('approved');

  const view = await callOk<{
    status: string;
    review: {
      status: string;
      decidedBy: string;
      corrections: Array<{ field: string; after: unknown; actor: string }>;
    };
  }>(client, 'get_document', { id: submitted.id });
  expect(['approved', 'exported']).toContain(view.status);
  expect(view.review).toMatchObject({ status: 'approved', decidedBy: reviewerName });
  expect(view.review.corrections).toMatchObject([
    { field: 'total_amount', after: '88.00', actor: reviewerName },
  ]);
  return { documentId: submitted.id, taskId: task!.id };
}
