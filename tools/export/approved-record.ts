import { createHash } from 'node:crypto';
import { AppError } from '../core/app-error.ts';
import type { DocType } from '../documents/types/index.ts';
import { currentValues } from '../review/current-values.ts';
import { listCorrections } from '../storage/corrections-table.ts';
import type { Queryable } from '../storage/db.ts';
import { type DocumentRecord, requireDocument } from '../storage/documents-table.ts';
import { findLatestExtraction } from '../storage/extractions-table.ts';

export type ApprovalKind = 'auto' | 'human';

export type FieldCorrection = {
  field: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  actor: string;
  at: string;
};

/** What an export target receives: the approved values, who approved them, and what reviewers changed. */
export type ApprovedRecord = {
  documentId: string;
  file: string;
  docType: DocType;
  approval: { kind: ApprovalKind; approvedBy: string[]; approvedAt: string };
  /** The values only: the latest extraction with every correction applied in order. */
  fields: Record<string, unknown>;
  corrections: FieldCorrection[];
};

type ApprovedTaskRow = {
  first_approver: string | null;
  decided_by: string | null;
  decided_at: string | Date | null;
};

const toIso = (value: string | Date) => new Date(value).toISOString();

/**
 * Builds the record a document is exported as. It reads only rows that no longer change once the document
 * is approved, so every attempt (and every retry) produces the same record, byte for byte.
 */
export async function loadApprovedRecord(db: Queryable, documentId: string): Promise<ApprovedRecord> {
  const document = await requireDocument(db, documentId);
  const [extraction, corrections, approval] = await Promise.all([
    findLatestExtraction(db, documentId),
    listCorrections(db, documentId),
    loadApproval(db, document),
  ]);
  return {
    documentId,
    file: document.filename,
    docType: extraction?.docType ?? document.docType ?? 'other',
    approval,
    // The same values the review screen shows as current: one definition of "the record as it stands".
    fields: currentValues(extraction?.fields ?? {}, corrections),
    corrections: corrections.map((c) => ({
      field: c.field,
      before: c.before ?? null,
      after: c.after,
      reason: c.reason ?? null,
      actor: c.actor,
      at: c.at,
    })),
  };
}

/**
 * The Idempotency-Key of a document's export: the same for every attempt and retry of one approval, so a
 * receiver that already has it can drop a repeat.
 */
export function idempotencyKeyFor(record: Pick<ApprovedRecord, 'documentId' | 'approval'>): string {
  const approval = createHash('sha256')
    .update(JSON.stringify([record.approval.kind, record.approval.approvedBy, record.approval.approvedAt]))
    .digest('hex')
    .slice(0, 16);
  return `paperwork-${record.documentId}-${approval}`;
}

async function loadApproval(db: Queryable, document: DocumentRecord): Promise<ApprovedRecord['approval']> {
  const documentId = document.id;
  const task = (
    await db.query<ApprovedTaskRow>(
      "SELECT first_approver, decided_by, decided_at FROM review_tasks WHERE document_id = $1 AND status = 'approved'",
      [documentId],
    )
  ).rows[0];
  if (task?.decided_by && task.decided_at) {
    const approvedBy = [task.first_approver, task.decided_by].filter((name): name is string => !!name);
    return { kind: 'human', approvedBy: [...new Set(approvedBy)], approvedAt: toIso(task.decided_at) };
  }
  if (document.status === 'approved') {
    throw new AppError('CONFLICT', `Document ${documentId} is approved but has no approved review task.`, {
      kind: 'system',
    });
  }
  return { kind: 'auto', approvedBy: ['system'], approvedAt: await findAutoApprovedAt(db, document) };
}

/**
 * When the system approved the document: its `document.auto_approved` audit entry. `updated_at` is the
 * fallback only, because it moves again when the document becomes `exported`.
 */
async function findAutoApprovedAt(db: Queryable, document: DocumentRecord): Promise<string> {
  const { rows } = await db.query<{ at: string }>(
    "SELECT at FROM audit_log WHERE document_id = $1 AND action = 'document.auto_approved' ORDER BY seq LIMIT 1",
    [document.id],
  );
  return rows[0] ? toIso(rows[0].at) : document.updatedAt;
}
