import path from 'node:path';
import { z } from 'zod';
import { ENGINE_NAMES, resolveEngine } from '../tools/claude/select-engine.ts';
import { AppError } from '../tools/core/app-error.ts';
import { defineTool } from '../tools/core/tool.ts';
import { readLimitsFromConfig } from '../tools/read/read-limits.ts';
import { routingPolicyOf } from '../tools/review/route-document.ts';
import { evaluateDataset } from './evaluate-dataset.ts';
import { extractForEval } from './extract-for-eval.ts';

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
    'Measure extraction accuracy on a labelled dataset folder on the server (manifest.jsonl, one {"file", "docType", "expected"} a line): per-field precision, recall, F1 and fuzzy similarity; document-type accuracy and confusion; straight-through and false-accept rates under the routing policy; confidence calibration (ECE); latency and LLM cost per document; and a few mismatches. Nothing is stored. Slow on large sets (OCR); progress is reported per document.',
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
    docTypeAccuracy: z
      .number()
      .nullable()
      .describe('Share of labelled documents classified as their type; null when none is labelled.'),
    docTypeConfusion: z
      .record(z.string(), z.record(z.string(), z.number()))
      .describe('Expected document type → predicted type → documents.'),
    fields: z.array(
      z.object({
        field: z.string(),
        expected: z.number().describe('Documents whose label has the field.'),
        predicted: z.number().describe('Of those, documents where the engine gave a value.'),
        correct: z.number(),
        accuracy: z.number().describe('correct ÷ expected (the same as recall)'),
        precision: z.number().describe('correct ÷ predicted: a wrong value counts against it'),
        recall: z.number().describe('correct ÷ expected: a wrong or missing value counts against it'),
        f1: z.number().describe('Harmonic mean of precision and recall.'),
        meanSimilarity: z.number().describe('Mean fuzzy text similarity, 0..1; a missing value scores 0.'),
      }),
    ),
    straightThroughRate: z.number().describe('Documents the routing policy auto-approved ÷ documents.'),
    falseAcceptRate: z
      .number()
      .describe('Documents auto-approved with an expected field wrong or missing ÷ documents.'),
    falseAcceptsPerAutoApproved: z.number().describe('The same false accepts ÷ auto-approved documents.'),
    ece: z
      .number()
      .describe(
        'Expected calibration error of field confidences over 10 bins: 0 when a confidence of p is right p of the time.',
      ),
    latencyP50Ms: z.number().describe('Median wall time of one extraction.'),
    latencyP95Ms: z.number().describe('95th percentile wall time of one extraction.'),
    costPerDocumentUsd: z.number().describe('LLM spend per document; 0 for the rules engine.'),
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
        extractForEval(content, file, docType, {
          ocr: ctx.ocr,
          limits: readLimitsFromConfig(ctx.config),
          policy: routingPolicyOf(ctx.config),
          signal: ctx.signal,
          engine: { config: ctx.config, engine },
        }),
      onProgress: (done, total) =>
        ctx.reportProgress?.({ progress: done, total, message: `${done}/${total} documents` }),
    });
    return {
      dataset,
      documents: report.documents,
      errors: report.errors,
      docTypeAccuracy: report.docTypes.accuracy === null ? null : round(report.docTypes.accuracy),
      docTypeConfusion: report.docTypes.confusion,
      fields: report.fields.map((f) => ({
        field: f.field,
        expected: f.expected,
        predicted: f.predicted,
        correct: f.correct,
        accuracy: round(f.accuracy),
        precision: round(f.precision),
        recall: round(f.recall),
        f1: round(f.f1),
        meanSimilarity: round(f.meanSimilarity),
      })),
      straightThroughRate: round(report.business.straightThroughRate),
      falseAcceptRate: round(report.business.falseAcceptRate),
      falseAcceptsPerAutoApproved: round(report.business.falseAcceptsPerAutoApproved),
      ece: round(report.calibration.ece),
      latencyP50Ms: report.latency.p50Ms,
      latencyP95Ms: report.latency.p95Ms,
      costPerDocumentUsd: Math.round(report.cost.perDocumentUsd * 1e6) / 1e6,
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
