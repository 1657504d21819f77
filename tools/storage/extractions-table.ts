import { randomUUID } from 'node:crypto';
import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import type { DocType } from '../documents/types/index.ts';
import type { Queryable } from './db.ts';

export type ExtractionRecord = {
  id: string;
  documentId: string;
  engine: { name: string; version: string };
  docType: DocType;
  docTypeConfidence: number;
  fields: Record<string, ExtractedField>;
  validation: Finding[];
  timings: Record<string, number>;
  createdAt: string;
};

/** Stores an engine's extraction once: a second run of the same stage keeps the first result. */
export async function insertExtraction(
  tx: Queryable,
  extraction: Omit<ExtractionRecord, 'id' | 'createdAt'>,
): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO extractions (id, document_id, engine_name, engine_version, doc_type, doc_type_confidence, fields, validation, timings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (document_id, engine_name) DO NOTHING RETURNING id`,
    [
      randomUUID(),
      extraction.documentId,
      extraction.engine.name,
      extraction.engine.version,
      extraction.docType,
      extraction.docTypeConfidence,
      JSON.stringify(extraction.fields),
      JSON.stringify(extraction.validation),
      JSON.stringify(extraction.timings),
    ],
  );
  return rows.length > 0;
}

type ExtractionRow = {
  id: string;
  document_id: string;
  engine_name: string;
  engine_version: string;
  doc_type: DocType;
  doc_type_confidence: number;
  fields: ExtractionRecord['fields'];
  validation: Finding[];
  timings: Record<string, number>;
  created_at: string | Date;
};

export async function findLatestExtraction(
  db: Queryable,
  documentId: string,
): Promise<ExtractionRecord | undefined> {
  const { rows } = await db.query<ExtractionRow>(
    'SELECT * FROM extractions WHERE document_id = $1 ORDER BY created_at DESC LIMIT 1',
    [documentId],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      documentId: row.document_id,
      engine: { name: row.engine_name, version: row.engine_version },
      docType: row.doc_type,
      docTypeConfidence: row.doc_type_confidence,
      fields: row.fields,
      validation: row.validation,
      timings: row.timings,
      createdAt: new Date(row.created_at).toISOString(),
    }
  );
}

export async function countExtractions(db: Queryable, documentId: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM extractions WHERE document_id = $1',
    [documentId],
  );
  return Number(rows[0]?.n ?? 0);
}
