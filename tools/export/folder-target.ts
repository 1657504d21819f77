import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/app-error.ts';
import type { ApprovedRecord } from './approved-record.ts';
import { formatRecordCsv } from './record-csv.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The files a record is written to: `<dir>/<docType>/<documentId>.json`, `.csv` and `.lines.csv`. */
export function folderExportPaths(exportDir: string, record: Pick<ApprovedRecord, 'documentId' | 'docType'>) {
  // Both parts come from our own database, but a path is built from them: refuse anything but the expected shape.
  if (!UUID.test(record.documentId) || !/^[a-z0-9_]+$/.test(record.docType)) {
    throw new AppError('INTERNAL', `Refusing an export path for ${record.documentId} (${record.docType}).`);
  }
  const base = path.join(exportDir, record.docType, record.documentId);
  return { json: `${base}.json`, csv: `${base}.csv`, lines: `${base}.lines.csv` };
}

/** The record as the folder target writes it (and the webhook sends it, compact). Deterministic. */
export function formatRecordJson(record: ApprovedRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Writes the record's files. Each is written to a temporary name, flushed and renamed over the final one,
 * so a reader (or a crash) never sees half a file, and a repeat writes the same bytes again. The JSON goes
 * last: its presence means the CSVs are there too.
 */
export async function writeFolderExport(exportDir: string, record: ApprovedRecord): Promise<string[]> {
  const paths = folderExportPaths(exportDir, record);
  const csv = formatRecordCsv(record);
  await mkdir(path.dirname(paths.json), { recursive: true });
  const written: string[] = [];
  if (csv.lines !== undefined) written.push(await writeAtomically(paths.lines, csv.lines));
  written.push(await writeAtomically(paths.csv, csv.main));
  written.push(await writeAtomically(paths.json, formatRecordJson(record)));
  return written;
}

async function writeAtomically(file: string, text: string): Promise<string> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o640);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return file;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
