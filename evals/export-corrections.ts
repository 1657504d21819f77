import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadApprovedRecord } from '../tools/export/approved-record.ts';
import type { BlobStore } from '../tools/storage/blob-store.ts';
import type { Queryable } from '../tools/storage/db.ts';
import { type DatasetEntry, DatasetEntrySchema } from './dataset.ts';

export type ExportedCorrections = { documents: number; manifest: string };

type CorrectedRow = { id: string; sha256: string; filename: string };

/** What maskIdentifier and the UI put in place of a hidden digit: never a value to learn from. */
const isMaskedValue = (value: unknown) => typeof value === 'string' && /[*•]{2,}/.test(value);

/** A value a label can hold: scalars only (line items and transactions are not scored as fields). */
const isLabelValue = (value: unknown) =>
  (typeof value === 'string' && value.trim() !== '') ||
  typeof value === 'number' ||
  typeof value === 'boolean';

/** `<document id>-<name>`: one stable file per document, so a second export overwrites the first. */
function datasetFileOf(row: CorrectedRow): string {
  const name =
    path
      .basename(row.filename)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(-80) || 'document';
  return `${row.id}-${name}`;
}

async function readManifest(file: string): Promise<Map<string, DatasetEntry>> {
  const entries = new Map<string, DatasetEntry>();
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const parsed = DatasetEntrySchema.safeParse(JSON.parse(line));
    if (parsed.success) entries.set(parsed.data.file, parsed.data);
  }
  return entries;
}

/**
 * Turns human review into evaluation data: every document a person approved after correcting it becomes a
 * dataset entry (its original file and the approved values as `expected`), in the format `paperwork eval`
 * reads. The approved values are the export's own (`loadApprovedRecord`: the extraction with every correction
 * applied), limited to what a reviewer saw and let stand: scalar fields with a value, never a masked one.
 * Idempotent: files are named by document id and the manifest is merged by file, so a re-run rewrites the
 * same lines and an export with `since` adds to an earlier one.
 */
export async function exportCorrections(
  deps: { db: Queryable; blobs: BlobStore },
  options: { outDir: string; since?: Date },
): Promise<ExportedCorrections> {
  const { rows } = await deps.db.query<CorrectedRow>(
    `SELECT d.id, d.sha256, d.filename
       FROM documents d JOIN review_tasks t ON t.document_id = d.id
      WHERE t.status = 'approved' AND d.status IN ('approved', 'exported')
        AND EXISTS (SELECT 1 FROM corrections c WHERE c.document_id = d.id)
        AND ($1::timestamptz IS NULL OR t.decided_at >= $1::timestamptz)
      ORDER BY t.decided_at, d.id`,
    [options.since?.toISOString() ?? null],
  );
  await mkdir(options.outDir, { recursive: true });
  const manifestFile = path.join(options.outDir, 'manifest.jsonl');
  const manifest = await readManifest(manifestFile);
  for (const row of rows) {
    const record = await loadApprovedRecord(deps.db, row.id);
    const expected = Object.fromEntries(
      Object.entries(record.fields).filter(([, value]) => isLabelValue(value) && !isMaskedValue(value)),
    );
    const file = datasetFileOf(row);
    await writeFile(path.join(options.outDir, file), await deps.blobs.get(row.sha256));
    manifest.set(file, { file, docType: record.docType, expected, documentId: row.id });
  }
  const lines = [...manifest.values()]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((entry) => JSON.stringify(entry));
  const temp = `${manifestFile}.tmp`;
  await writeFile(temp, lines.length ? `${lines.join('\n')}\n` : '');
  await rename(temp, manifestFile);
  return { documents: rows.length, manifest: manifestFile };
}
