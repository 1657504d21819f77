import { readFile } from 'node:fs/promises';
import type { DocType } from '../tools/documents/types/index.ts';
import { compareField } from './compare-field.ts';
import { readDataset } from './dataset.ts';

/** What the injected extractor returns for one document: only the parts the eval scores. */
export type EvalExtraction = {
  docType: DocType;
  fields: Record<string, { value: unknown; confidence?: number }>;
};

export type EvalExtract = (bytes: Uint8Array, file: string, docType?: DocType) => Promise<EvalExtraction>;

export type FieldMismatch = {
  field: string;
  expected: unknown;
  predicted?: unknown;
  confidence?: number;
  similarity: number;
};

export type DocumentRow = {
  file: string;
  expectedDocType?: DocType;
  docType?: DocType;
  error?: string;
  correct: number;
  expected: number;
  mismatches: FieldMismatch[];
  /** Every scored field with its confidence and verdict, for calibration. */
  scored: { field: string; confidence?: number; isMatch: boolean }[];
};

export type FieldStats = {
  field: string;
  expected: number;
  predicted: number;
  correct: number;
  accuracy: number;
  precision: number;
  meanSimilarity: number;
};

export type EvalReport = {
  dir: string;
  documents: number;
  errors: number;
  docTypeAccuracy: number | null;
  fields: FieldStats[];
  rows: DocumentRow[];
};

async function scoreOne(
  entry: Awaited<ReturnType<typeof readDataset>>['entries'][number],
  extract: EvalExtract,
): Promise<DocumentRow> {
  const row: DocumentRow = {
    file: entry.file,
    expectedDocType: entry.docType,
    correct: 0,
    expected: 0,
    mismatches: [],
    scored: [],
  };
  let extraction: EvalExtraction;
  try {
    extraction = await extract(new Uint8Array(await readFile(entry.path)), entry.file, entry.docType);
  } catch (error) {
    row.error = error instanceof Error ? error.message : String(error);
    extraction = { docType: 'other', fields: {} };
  }
  row.docType = extraction.docType;
  for (const [field, expected] of Object.entries(entry.expected)) {
    row.expected++;
    const predicted = extraction.fields[field];
    const verdict = predicted
      ? compareField(field, expected, predicted.value)
      : { isMatch: false, similarity: 0 };
    row.scored.push({ field, confidence: predicted?.confidence, isMatch: verdict.isMatch });
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

/**
 * Runs the injected extractor over every document of a dataset folder, `concurrency` at a time, and scores
 * each expected field. A document whose extraction throws counts as all fields missing, and is listed.
 * Accuracy is correct / expected; precision is correct / predicted (over fields that were expected).
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
  const stats = new Map<string, FieldStats & { similaritySum: number }>();
  for (const row of rows) {
    const entry = dataset.entries.find((e) => e.file === row.file)!;
    for (const [field, expected] of Object.entries(entry.expected)) {
      const s = stats.get(field) ?? {
        field,
        expected: 0,
        predicted: 0,
        correct: 0,
        accuracy: 0,
        precision: 0,
        meanSimilarity: 0,
        similaritySum: 0,
      };
      const verdict = row.scored.find((x) => x.field === field);
      const mismatch = row.mismatches.find((m) => m.field === field);
      s.expected++;
      if (verdict?.isMatch || (mismatch && mismatch.predicted !== undefined)) s.predicted++;
      if (verdict?.isMatch) s.correct++;
      s.similaritySum += verdict?.isMatch ? 1 : (mismatch?.similarity ?? 0);
      void expected;
      stats.set(field, s);
    }
  }
  const fields = [...stats.values()].map(({ similaritySum, ...s }) => ({
    ...s,
    accuracy: s.expected ? s.correct / s.expected : 0,
    precision: s.predicted ? s.correct / s.predicted : 0,
    meanSimilarity: s.expected ? similaritySum / s.expected : 0,
  }));
  const typed = rows.filter((r) => r.expectedDocType);
  return {
    dir: options.dir,
    documents: rows.length,
    errors: rows.filter((r) => r.error).length,
    docTypeAccuracy: typed.length
      ? typed.filter((r) => r.docType === r.expectedDocType).length / typed.length
      : null,
    fields,
    rows,
  };
}
