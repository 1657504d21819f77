import { expect } from 'vitest';
import { makeInvoicePdf } from '../../evals/synth/make-invoice-pdf.ts';
import { unbalancedInvoice } from './invoice-fixtures.ts';
import type { TestServer } from './test-server.ts';
import { uploadForm } from './test-server.ts';

/** Uploads an unbalanced invoice, waits until it has settled in review, and gives its document and task ids. */
export async function submitUnbalancedInvoice(
  server: TestServer,
  invoiceNumber: string,
): Promise<{ id: string; taskId: string }> {
  const form = uploadForm([
    { name: `${invoiceNumber}.pdf`, content: await makeInvoicePdf(unbalancedInvoice(invoiceNumber)) },
  ]);
  const response = await server.api('POST', '/api/documents', { body: form });
  const id = ((await response.json()) as { documents: Array<{ id: string }> }).documents[0]!.id;
  const settled = (await server.waitForSettled(id)) as unknown as {
    status: string;
    review?: { taskId: string };
  };
  expect(settled.status).toBe('needs_review');
  return { id, taskId: settled.review!.taskId };
}
