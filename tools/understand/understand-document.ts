import type { ExtractedField } from '../documents/extraction-result.ts';
import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { classifyDocument } from './classify.ts';
import { extractBankStatement } from './extract/bank-statement.ts';
import { buildDocumentView } from './extract/document-view.ts';
import { extract1099Nec } from './extract/form-1099-nec.ts';
import { extractInvoice } from './extract/invoice.ts';
import { extractReceipt } from './extract/receipt.ts';
import { extractW9 } from './extract/w9.ts';

/** Bumped whenever a rule changes what is extracted, so evals and stored results say which rules ran. */
export const RULES_ENGINE_VERSION = '0.4.2';

export type Understanding = {
  docType: DocType;
  docTypeConfidence: number;
  fields: Record<string, ExtractedField>;
  engine: { name: 'rules'; version: string };
  timings: { classifyMs: number; extractMs: number };
};

/**
 * The offline understanding path: classify (unless the type is given) and run the type's rules extractor.
 * A given type is taken as certain. Types without rules yet extract nothing.
 */
export function understandDocument(
  pages: readonly Page[],
  options: { docType?: DocType } = {},
): Understanding {
  const started = performance.now();
  const classified = options.docType ? { docType: options.docType, confidence: 1 } : classifyDocument(pages);
  const classifiedAt = performance.now();
  const view = buildDocumentView(pages);
  let fields: Record<string, ExtractedField> = {};
  if (classified.docType === 'invoice') fields = extractInvoice(view);
  if (classified.docType === 'receipt') fields = extractReceipt(view);
  if (classified.docType === 'w9') fields = extractW9(view);
  if (classified.docType === 'form_1099_nec') fields = extract1099Nec(view);
  if (classified.docType === 'bank_statement') fields = extractBankStatement(view);
  const done = performance.now();
  return {
    docType: classified.docType,
    docTypeConfidence: classified.confidence,
    fields,
    engine: { name: 'rules', version: RULES_ENGINE_VERSION },
    timings: { classifyMs: Math.round(classifiedAt - started), extractMs: Math.round(done - classifiedAt) },
  };
}
