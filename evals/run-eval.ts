import path from 'node:path';
import { z } from 'zod';
import { ENGINE_NAMES, resolveEngine } from '../tools/claude/select-engine.ts';
import { AppError } from '../tools/core/app-error.ts';
import { defineTool } from '../tools/core/tool.ts';
import { extractFile } from '../tools/ops/extract-document.ts';
import { readLimitsFromConfig } from '../tools/read/read-limits.ts';
import { routingPolicyOf } from '../tools/review/route-document.ts';
import { evaluateDataset } from './evaluate-dataset.ts';

// Enough mismatches to see the pattern, few enough to keep the answer small.
const MAX_MISMATCHES = 10;
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * run_eval: the dataset format and scoring of `paperwork eval`, as a tool. It lives in evals/ because it scores
 * with the eval code, which tools/ may not import; the server adds it to the tools it serves.
 */
export const runEval = defineTool({
  name: 'run_eval',
  description:
    'Measure extraction accuracy on a labelled dataset folder on the server (manifest.jsonl, one {"file", "docType", "expected"} a line): per-field accuracy, precision and similarity, document-type accuracy, and a few mismatches. Nothing is stored. Slow on large sets (OCR); progress is reported per document.',
  input: z.object({
    dataset: z.string().min(1).max(4096).describe('Absolute path of the dataset folder on the server.'),
    engine: z
      .enum(ENGINE_NAMES)
      .optional()
      .describe(
        "rules (offline), claude or auto, to compare engines; default: the server's PAPERWORK_ENGINE.",
      ),
  }),
  output: z.object({
    dataset: z.string(),
    documents: z.number(),
    errors: z.number().describe('Documents that could not be read at all.'),
    docTypeAccuracy: z.number().nullable(),
    fields: z.array(
      z.object({
        field: z.string(),
        expected: z.number(),
        correct: z.number(),
        accuracy: z.number().describe('correct ÷ expected'),
        precision: z.number().describe('correct ÷ predicted'),
        meanSimilarity: z.number(),
      }),
    ),
    mismatches: z
      .array(
        z.object({
          file: z.string(),
          field: z.string(),
          expected: z.unknown(),
          predicted: z.unknown().optional(),
        }),
      )
      .describe(`The first ${MAX_MISMATCHES} wrong or missing values.`),
  }),
  // It reads a folder on the server with the server's permissions, like a file path (see file-source.ts).
  role: 'admin',
  isReadOnly: true,
  isDestructive: false,
  async run({ dataset, engine: requested }, ctx) {
    if (!path.isAbsolute(dataset)) {
      throw new AppError('VALIDATION_FAILED', `dataset: give an absolute path, not "${dataset}".`);
    }
    // Fails at once, not per document, when the engine needs a key the server does not have.
    const engine = resolveEngine(ctx.config, requested);
    const report = await evaluateDataset({
      dir: dataset,
      concurrency: ctx.ocr.size,
      extract: (content, file, docType) =>
        extractFile(
          { filename: path.basename(file), content, docType },
          {
            ocr: ctx.ocr,
            limits: readLimitsFromConfig(ctx.config),
            policy: routingPolicyOf(ctx.config),
            signal: ctx.signal,
            engine: { config: ctx.config, engine },
          },
        ),
      onProgress: (done, total) =>
        ctx.reportProgress?.({ progress: done, total, message: `${done}/${total} documents` }),
    });
    return {
      dataset,
      documents: report.documents,
      errors: report.errors,
      docTypeAccuracy: report.docTypeAccuracy === null ? null : round(report.docTypeAccuracy),
      fields: report.fields.map(({ field, expected, correct, accuracy, precision, meanSimilarity }) => ({
        field,
        expected,
        correct,
        accuracy: round(accuracy),
        precision: round(precision),
        meanSimilarity: round(meanSimilarity),
      })),
      mismatches: report.rows
        .flatMap((row) => row.mismatches.map((m) => ({ file: row.file, ...m })))
        .slice(0, MAX_MISMATCHES)
        .map(({ file, field, expected, predicted }) => ({
          file,
          field,
          expected,
          ...(predicted !== undefined && { predicted }),
        })),
    };
  },
});
