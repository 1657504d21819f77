import { readFile } from 'node:fs/promises';
import type { DocType } from '../tools/documents/types/index.ts';
import { compareField } from './compare-field.ts';
import { type Dataset, readDataset } from './dataset.ts';
import type { DocumentRow, EvalReport } from './eval-report.ts';
import { businessRates } from './metrics/business-rates.ts';
import { calibrate } from './metrics/calibration.ts';
import { scoreDocTypes } from './metrics/doc-type-scores.ts';
import { scoreFields } from './metrics/field-scores.ts';
import { costOf, latencyOf } from './metrics/latency-and-cost.ts';

export type {
  DocumentRow,
  EvalReport,
  FieldMismatch,
  FieldStats,
  ScoredField,
} from './eval-report.ts';

/** What the injected extractor returns for one document: only the parts the eval scores. */
export type EvalExtraction = {
  docType: DocType;
  fields: Record<string, { value: unknown; confidence?: number }>;
  /** The routing verdict, for the straight-through and false-accept rates. */
  status?: string;
  /** Route reason codes behind a `needs_review`. */
  reasons?: string[];
  /** The extraction's timings; `llmCostUsd` is what it spent. */
  timings?: Record<string, number>;
};

export type EvalExtract = (bytes: Uint8Array, file: string, docType?: DocType) => Promise<EvalExtraction>;

async function scoreOne(entry: Dataset['entries'][number], extract: EvalExtract): Promise<DocumentRow> {
  const row: DocumentRow = {
    file: entry.file,
    expectedDocType: entry.docType,
    latencyMs: 0,
    correct: 0,
    expected: 0,
    mismatches: [],
    scored: [],
  };
  const bytes = new Uint8Array(await readFile(entry.path));
  let extraction: EvalExtraction;
  const started = performance.now();
  try {
    extraction = await extract(bytes, entry.file, entry.docType);
    if (extraction.status !== undefined) row.status = extraction.status;
    if (extraction.reasons !== undefined) row.reasons = extraction.reasons;
    row.costUsd = extraction.timings?.llmCostUsd ?? 0;
  } catch (error) {
    row.error = error instanceof Error ? error.message : String(error);
    extraction = { docType: 'other', fields: {} };
  }
  row.latencyMs = Math.round(performance.now() - started);
  row.docType = extraction.docType;
  for (const [field, expected] of Object.entries(entry.expected)) {
    row.expected++;
    const predicted = extraction.fields[field];
    const verdict = predicted
      ? compareField(field, expected, predicted.value)
      : { isMatch: false, similarity: 0 };
    row.scored.push({
      field,
      confidence: predicted?.confidence,
      isMatch: verdict.isMatch,
      predicted: predicted !== undefined,
    });
    if (verdict.isMatch) row.correct++;
    else
      row.mismatches.push({
        field,
        expected,
        predicted: predicted?.value,
        confidence: predicted?.confidence,
        similarity: verdict.similarity,
      });
  }
  return row;
}

/** Every figure of a report from its rows; exported so a stored report's rows can be scored again. */
export function summarizeRows(dir: string, rows: DocumentRow[]): EvalReport {
  const docTypes = scoreDocTypes(rows);
  return {
    dir,
    documents: rows.length,
    errors: rows.filter((r) => r.error).length,
    docTypeAccuracy: docTypes.accuracy,
    fields: scoreFields(rows),
    business: businessRates(rows),
    calibration: calibrate(rows),
    docTypes,
    latency: latencyOf(rows),
    cost: costOf(rows),
    rows,
  };
}

/**
 * Runs the injected extractor over every document of a dataset folder, `concurrency` at a time, and scores
 * each expected field. A document whose extraction throws counts as all fields missing, and is listed.
 */
export async function evaluateDataset(options: {
  dir: string;
  extract: EvalExtract;
  concurrency?: number;
  onProgress?: (done: number, total: number, row: DocumentRow) => void;
}): Promise<EvalReport> {
  const dataset = await readDataset(options.dir);
  const rows: DocumentRow[] = new Array(dataset.entries.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < dataset.entries.length) {
      const index = next++;
      const row = await scoreOne(dataset.entries[index]!, options.extract);
      rows[index] = row;
      options.onProgress?.(++done, dataset.entries.length, row);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return summarizeRows(options.dir, rows);
}
