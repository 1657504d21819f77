import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The routing file (`ROUTING_FILE`, default `DATA_DIR/routing.json`): per-field confidence thresholds that
 * `paperwork calibrate --write` fits on labelled data. Keys are field names, as in `FIELD_THRESHOLDS`, which
 * overrides the file key by key.
 */
export const RoutingFileSchema = z
  .object({
    fieldThresholds: z
      .record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.number().min(0).max(1))
      .default({})
      .describe('Field name → the confidence at or above which it may go straight through.'),
  })
  .loose();
export type RoutingFile = z.infer<typeof RoutingFileSchema>;

/** Read once at start, synchronously like the environment; a missing file is no file, a bad one stops the start. */
export function readRoutingFile(file: string): RoutingFile | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`Invalid configuration:\n  ROUTING_FILE: ${file} is not valid JSON`);
  }
  const parsed = RoutingFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ROUTING_FILE: ${file}: ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

/** Replaces the thresholds and keeps any other keys; written then renamed, so a reader never sees half. */
export async function writeRoutingFile(file: string, fieldThresholds: Record<string, number>) {
  const existing = readRoutingFile(file) ?? { fieldThresholds: {} };
  const next = { ...existing, fieldThresholds };
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`);
  await rename(temp, file);
}
