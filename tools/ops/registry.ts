import type { Tool } from '../core/tool.ts';
import { getAuditTrail, verifyAuditTrail } from './audit-trail.ts';
import { decideSuggestionTool } from './decide-suggestion.ts';
import { explainField } from './explain-field.ts';
import { extractDocument } from './extract-document.ts';
import { withFileSource } from './file-source.ts';
import { getAgentRun } from './get-agent-run.ts';
import { getDocument } from './get-document.ts';
import { getDocumentText } from './get-document-text.ts';
import { getReviewTask } from './get-review-task.ts';
import { listPendingActionsTool } from './list-pending-actions.ts';
import { listReviewQueue } from './list-review-queue.ts';
import { queueStats } from './queue-stats.ts';
import { resolveReview } from './resolve-review.ts';
import { retryExport } from './retry-export.ts';
import { claimReview, releaseReview } from './review-lease.ts';
import { searchDocuments } from './search-documents.ts';
import { submitDocument } from './submit-document.ts';
import { importVendors, listVendorMaster } from './vendor-master.ts';
import { waitForDocument } from './wait-for-document.ts';

/** A set of tools served together, found by name. */
export type ToolRegistry = {
  tools: readonly Tool[];
  find(name: string): Tool | undefined;
};

export function createToolRegistry(tools: readonly Tool[]): ToolRegistry {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  if (byName.size !== tools.length) throw new Error('Two tools share a name.');
  return { tools, find: (name) => byName.get(name) };
}

/**
 * Every operation in `tools/`, as JSON-callable tools: files travel as base64 or a path (see file-source.ts).
 * Surfaces serve from this list; run_eval lives in evals/ (it scores with the eval code) and the server adds it.
 */
export const TOOLS: readonly Tool[] = [
  withFileSource(submitDocument),
  getDocument,
  getDocumentText,
  waitForDocument,
  searchDocuments,
  listReviewQueue,
  getReviewTask,
  claimReview,
  releaseReview,
  resolveReview,
  withFileSource(extractDocument),
  explainField,
  queueStats,
  retryExport,
  getAuditTrail,
  verifyAuditTrail,
  listVendorMaster,
  importVendors,
  listPendingActionsTool,
  decideSuggestionTool,
  getAgentRun,
] as Tool[];

const REGISTRY = createToolRegistry(TOOLS);

export function findTool(name: string): Tool | undefined {
  return REGISTRY.find(name);
}
