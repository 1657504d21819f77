import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ToolProgress } from '../core/context.ts';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../documents/document-status.ts';
import type { DocumentView } from '../documents/document-view.ts';
import { DOC_TYPES } from '../documents/types/index.ts';
import { requireDocument } from '../storage/documents-table.ts';
import { loadDocumentView } from './get-document.ts';

/** MCP clients give up on a silent call after about a minute; a wait stays well inside that. */
export const MAX_WAIT_SECONDS = 50;
const IN_FLIGHT: readonly DocumentStatus[] = ['received', 'parsing', 'extracting'];
// Between progress notifications while nothing changes, so the caller sees the wait is alive.
const HEARTBEAT_MS = 2_000;

export function isInFlight(status: DocumentStatus): boolean {
  return IN_FLIGHT.includes(status);
}

export const WaitForDocumentOutputSchema = z.object({
  id: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  isDone: z
    .boolean()
    .describe('True once reading and routing are over (needs_review, approved, exported, failed…).'),
  timedOut: z.boolean().describe('True when the wait ended before the document was done; call again.'),
  waitedSeconds: z.number(),
  docType: z.enum(DOC_TYPES).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  review: z
    .object({ taskId: z.string(), status: z.string(), reasons: z.array(z.string()) })
    .optional()
    .describe('The review task when the document needs a person, with why.'),
});
export type WaitForDocumentOutput = z.infer<typeof WaitForDocumentOutputSchema>;

/**
 * Reads the document's status until it is done, the time is up or the caller goes away, reporting progress
 * (seconds waited of the bound, with the status as the message) on every change and every few seconds.
 * `read` is the only way it sees the document, so the same loop serves the database and a remote server.
 */
export async function waitUntilDone<T extends { status: DocumentStatus }>(
  read: () => Promise<T>,
  options: {
    timeoutSeconds: number;
    pollMs: number;
    signal?: AbortSignal;
    onProgress?: (p: ToolProgress) => void;
  },
): Promise<{ last: T; timedOut: boolean; waitedSeconds: number }> {
  const started = performance.now();
  const deadline = started + options.timeoutSeconds * 1000;
  let lastProgress = -1;
  let lastSentAt = 0;
  let lastStatus: DocumentStatus | undefined;
  for (;;) {
    const last = await read();
    const now = performance.now();
    const waitedSeconds = Math.round((now - started) / 100) / 10;
    if (last.status !== lastStatus || now - lastSentAt >= HEARTBEAT_MS) {
      // Progress only grows, as the protocol asks.
      const progress = Math.max(waitedSeconds, lastProgress + 0.001);
      options.onProgress?.({ progress, total: options.timeoutSeconds, message: `status: ${last.status}` });
      lastProgress = progress;
      lastSentAt = now;
      lastStatus = last.status;
    }
    if (!isInFlight(last.status)) return { last, timedOut: false, waitedSeconds };
    if (now >= deadline || options.signal?.aborted) return { last, timedOut: true, waitedSeconds };
    await sleep(Math.min(options.pollMs, Math.max(0, deadline - now)));
  }
}

/** The wait's answer from a document view: its state, and why it waits for a person if it does. */
export function toWaitResult(
  view: Pick<DocumentView, 'id' | 'status' | 'docType' | 'error' | 'review'>,
  wait: { timedOut: boolean; waitedSeconds: number },
): WaitForDocumentOutput {
  return {
    id: view.id,
    status: view.status,
    isDone: !isInFlight(view.status),
    timedOut: wait.timedOut,
    waitedSeconds: wait.waitedSeconds,
    ...(view.docType && { docType: view.docType }),
    ...(view.error && { error: view.error }),
    ...(view.review && {
      review: { taskId: view.review.taskId, status: view.review.status, reasons: view.review.reasons },
    }),
  };
}

export const WaitForDocumentInputSchema = z.object({
  id: z.uuid().describe('Document id returned by submit_document.'),
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_WAIT_SECONDS)
    .default(MAX_WAIT_SECONDS)
    .describe(`How long to wait at most, in seconds (1–${MAX_WAIT_SECONDS}).`),
});

export const waitForDocument = defineTool({
  name: 'wait_for_document',
  description: `Wait until a submitted document has been read and routed (needs_review, auto_approved, failed…), for at most ${MAX_WAIT_SECONDS} seconds, with progress notifications. If time runs out it returns the status so far with timedOut: true; call it again to keep waiting. Returns the review task's id and reasons when a person must look.`,
  input: WaitForDocumentInputSchema,
  output: WaitForDocumentOutputSchema,
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ id, timeoutSeconds }, ctx) {
    const read = () => requireDocument(ctx.db, id);
    const wait = await waitUntilDone(read, {
      timeoutSeconds,
      pollMs: 250,
      signal: ctx.signal,
      onProgress: ctx.reportProgress,
    });
    return toWaitResult(await loadDocumentView(ctx.db, wait.last), wait);
  },
});
