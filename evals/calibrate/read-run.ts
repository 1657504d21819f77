import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../tools/core/app-error.ts';

/** The part of `paperwork eval --json` output that calibration replays; other keys are kept, not checked. */
export const EvalRunSchema = z
  .object({
    documents: z.number().int().min(0),
    rows: z.array(
      z
        .object({
          file: z.string(),
          docType: z.string().optional(),
          status: z.string().optional(),
          reasons: z.array(z.string()).optional(),
          scored: z.array(
            z
              .object({
                field: z.string(),
                confidence: z.number().min(0).max(1).optional(),
                isMatch: z.boolean(),
                predicted: z.boolean().optional(),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose();
export type EvalRun = z.infer<typeof EvalRunSchema>;

/** Reads a saved eval run; a file from before routing was recorded is refused with what to do instead. */
export async function readEvalRun(file: string): Promise<EvalRun> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new AppError('VALIDATION_FAILED', `${file}: not a readable JSON eval run.`, { cause });
  }
  const parsed = EvalRunSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION_FAILED',
      `${file}: not an eval run (${issue?.path.join('.')}: ${issue?.message}); make one with \`paperwork eval --dataset DIR --json > RUN.json\`.`,
    );
  }
  if (parsed.data.rows.length > 0 && parsed.data.rows.every((row) => row.reasons === undefined)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} has no routing reasons on its rows; run \`paperwork eval --json\` again with this version.`,
    );
  }
  return parsed.data;
}
