import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../tools/core/app-error.ts';
import type { EvalReport } from '../eval-report.ts';

/** What a regression gate compares a run with: the figures of an accepted run, and how it was made. */
export const BaselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string().describe('When the baseline was written (ISO).'),
  engine: z.object({ name: z.string(), version: z.string() }),
  dataset: z
    .object({
      dir: z.string().optional().describe('The folder the run read, when it was not synthesized.'),
      documents: z.number().int().min(0),
      synth: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('The `paperwork synth` arguments that regenerate the set, from its synth.json.'),
    })
    .loose(),
  tolerance: z
    .number()
    .min(0)
    .max(1)
    .default(0.02)
    .describe('How far a figure may move the wrong way before the gate fails; --tolerance overrides it.'),
  maxFalseAcceptRate: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      'An absolute ceiling on the false-accept rate, instead of the baseline rate plus the tolerance.',
    ),
  straightThroughRate: z.number().min(0).max(1),
  falseAcceptRate: z.number().min(0).max(1),
  fields: z.record(
    z.string(),
    z.object({
      f1: z.number().min(0).max(1),
      precision: z.number(),
      recall: z.number(),
      expected: z.number(),
    }),
  ),
});
export type Baseline = z.infer<typeof BaselineSchema>;

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A baseline from a run; the set's synth.json, when the folder has one, says how to make the set again. */
export async function baselineOf(
  report: EvalReport,
  engine: Baseline['engine'],
  options: { now?: Date; maxFalseAcceptRate?: number } = {},
): Promise<Baseline> {
  const synthFile = path.join(report.dir, 'synth.json');
  const synth = existsSync(synthFile)
    ? (JSON.parse(await readFile(synthFile, 'utf8')) as Record<string, unknown>)
    : undefined;
  return {
    version: 1,
    createdAt: (options.now ?? new Date()).toISOString(),
    engine,
    // A synthesized set lives in a temporary folder: its arguments say how to make it again, its path nothing.
    dataset: synth
      ? { documents: report.documents, synth }
      : { dir: report.dir, documents: report.documents },
    tolerance: 0.02,
    ...(options.maxFalseAcceptRate !== undefined && { maxFalseAcceptRate: options.maxFalseAcceptRate }),
    straightThroughRate: round(report.business.straightThroughRate),
    falseAcceptRate: round(report.business.falseAcceptRate),
    fields: Object.fromEntries(
      report.fields.map((f) => [
        f.field,
        { f1: round(f.f1), precision: round(f.precision), recall: round(f.recall), expected: f.expected },
      ]),
    ),
  };
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export async function readBaseline(file: string): Promise<Baseline> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new AppError('NOT_FOUND', `${file}: no readable baseline (write one with --write-baseline).`, {
      cause,
    });
  }
  const parsed = BaselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION_FAILED',
      `${file}: not a baseline (${issue?.path.join('.')}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}
