import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../tools/core/app-error.ts';
import { DOC_TYPES } from '../tools/documents/types/index.ts';

/** One line of a dataset's manifest.jsonl (DESIGN.md, "Dataset format"); extra keys are kept, not checked. */
export const DatasetEntrySchema = z
  .object({
    file: z.string().min(1).describe('Path of the document, relative to the dataset folder.'),
    docType: z.enum(DOC_TYPES).optional().describe('The document type a human assigned, when known.'),
    expected: z.record(z.string(), z.unknown()).describe('Field name → expected value in the schema format.'),
    layout: z.string().optional().describe('Synthetic corpora: which layout of its type drew the document.'),
    scanned: z
      .boolean()
      .optional()
      .describe('Synthetic corpora: whether the document was rasterized as a scan.'),
  })
  .loose();
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

export type Dataset = { dir: string; entries: (DatasetEntry & { path: string; line: number })[] };

/**
 * Reads and validates a dataset folder's manifest. Every bad line is reported with its line number in one
 * error, so a broken manifest is fixed in one pass; blank lines are skipped.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const manifestPath = path.join(dir, 'manifest.jsonl');
  let raw: string;
  try {
    raw = await readFile(manifestPath, 'utf8');
  } catch (cause) {
    throw new AppError('NOT_FOUND', `No manifest.jsonl in ${dir}.`, { cause });
  }
  const problems: string[] = [];
  const entries: Dataset['entries'] = [];
  raw.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`line ${line}: not valid JSON`);
      return;
    }
    const parsed = DatasetEntrySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`line ${line}: ${issue?.path.join('.') || 'entry'} ${issue?.message ?? 'is invalid'}`);
      return;
    }
    const resolved = path.resolve(dir, parsed.data.file);
    if (!resolved.startsWith(path.resolve(dir) + path.sep)) {
      problems.push(`line ${line}: file ${parsed.data.file} is outside the dataset folder`);
      return;
    }
    entries.push({ ...parsed.data, path: resolved, line });
  });
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${manifestPath} has bad lines:\n${problems.join('\n')}`);
  }
  return { dir, entries };
}
