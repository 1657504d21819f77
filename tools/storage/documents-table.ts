import { AppError } from '../core/app-error.ts';
import type { Actor } from '../core/roles.ts';
import type { DocumentStatus } from '../documents/document-status.ts';
import type { DocType } from '../documents/types/index.ts';
import { appendAudit } from './audit-log.ts';
import type { Queryable } from './db.ts';

export type DocumentRecord = {
  id: string;
  sha256: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  /** How long reading took: `readMs` in all, `ocrMs` of it in OCR. */
  readTimings: Record<string, number> | null;
  status: DocumentStatus;
  docType: DocType | null;
  docTypeRequested: DocType | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

type DocumentRow = {
  id: string;
  sha256: string;
  filename: string;
  media_type: string;
  size_bytes: string | number;
  page_count: number | null;
  read_timings: Record<string, number> | null;
  status: DocumentStatus;
  doc_type: DocType | null;
  doc_type_requested: DocType | null;
  error_code: string | null;
  error_message: string | null;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
};

const toIso = (value: string | Date) => (value instanceof Date ? value : new Date(value)).toISOString();

export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    pageCount: row.page_count,
    readTimings: row.read_timings,
    status: row.status,
    docType: row.doc_type,
    docTypeRequested: row.doc_type_requested,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export async function findDocument(db: Queryable, id: string): Promise<DocumentRecord | undefined> {
  const { rows } = await db.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
  return rows[0] && toDocumentRecord(rows[0]);
}

/** The document, or NOT_FOUND: what every operation on one named document starts with. */
export async function requireDocument(db: Queryable, id: string): Promise<DocumentRecord> {
  const document = await findDocument(db, id);
  if (!document) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return document;
}

export async function findDocumentBySha256(
  db: Queryable,
  sha256: string,
): Promise<DocumentRecord | undefined> {
  const { rows } = await db.query<DocumentRow>('SELECT * FROM documents WHERE sha256 = $1', [sha256]);
  return rows[0] && toDocumentRecord(rows[0]);
}

/** Inserts a new document, or returns the one already stored with the same bytes (`isNew` false). */
export async function insertDocument(
  tx: Queryable,
  input: Pick<
    DocumentRecord,
    'id' | 'sha256' | 'filename' | 'mediaType' | 'sizeBytes' | 'pageCount' | 'docTypeRequested'
  > & {
    actor: Actor;
  },
): Promise<{ document: DocumentRecord; isNew: boolean }> {
  const { rows } = await tx.query<DocumentRow>(
    `INSERT INTO documents (id, sha256, filename, media_type, size_bytes, page_count, status, doc_type_requested, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $8)
     ON CONFLICT (sha256) DO NOTHING RETURNING *`,
    [
      input.id,
      input.sha256,
      input.filename,
      input.mediaType,
      input.sizeBytes,
      input.pageCount,
      input.docTypeRequested,
      input.actor.name,
    ],
  );
  if (rows[0]) {
    await appendAudit(tx, {
      actor: input.actor,
      action: 'document.received',
      documentId: input.id,
      details: { filename: input.filename, sha256: input.sha256, sizeBytes: input.sizeBytes },
    });
    return { document: toDocumentRecord(rows[0]), isNew: true };
  }
  const existing = await findDocumentBySha256(tx, input.sha256);
  if (!existing) throw new Error(`Document with sha256 ${input.sha256} vanished during insert.`);
  return { document: existing, isNew: false };
}

/**
 * Moves a document from one of `from` to `to` and audits it; a no-op (false) when it is elsewhere already.
 * This compare-and-set is what makes every stage safe to run twice.
 */
export async function transitionDocument(
  tx: Queryable,
  input: {
    id: string;
    from: readonly DocumentStatus[];
    to: DocumentStatus;
    actor: Actor;
    details?: Record<string, unknown>;
    error?: { code: string; message: string };
    docType?: DocType;
  },
): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE documents SET status = $2, updated_at = now(), error_code = $4, error_message = $5,
       doc_type = COALESCE($6, doc_type)
     WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
    [
      input.id,
      input.to,
      [...input.from],
      input.error?.code ?? null,
      input.error?.message ?? null,
      input.docType ?? null,
    ],
  );
  if (rows.length === 0) return false;
  await appendAudit(tx, {
    actor: input.actor,
    action: `document.${input.to}`,
    documentId: input.id,
    details: { ...input.details, ...(input.error && { error: input.error }) },
  });
  return true;
}
