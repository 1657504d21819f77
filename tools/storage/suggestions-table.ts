import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A correction the exception resolver proposes for a field; a person accepts or dismisses it. */
export type Suggestion = {
  id: string;
  taskId: string;
  documentId: string;
  field: string;
  value: unknown;
  rationale: string;
  status: SuggestionStatus;
  runId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
};

type SuggestionRow = {
  id: string;
  task_id: string;
  document_id: string;
  field: string;
  value: unknown;
  rationale: string;
  status: SuggestionStatus;
  run_id: string | null;
  decided_by: string | null;
  decided_at: string | Date | null;
  created_at: string | Date;
};

function toSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    taskId: row.task_id,
    documentId: row.document_id,
    field: row.field,
    value: row.value,
    rationale: row.rationale,
    status: row.status,
    runId: row.run_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at && new Date(row.decided_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function insertSuggestion(
  db: Queryable,
  suggestion: Pick<Suggestion, 'taskId' | 'documentId' | 'field' | 'value' | 'rationale'> & {
    runId?: string;
  },
): Promise<Suggestion> {
  const { rows } = await db.query<SuggestionRow>(
    // clock_timestamp, not now(): a run's suggestions are stored in one transaction and keep their order.
    `INSERT INTO suggestions (id, task_id, document_id, field, value, rationale, run_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) RETURNING *`,
    [
      randomUUID(),
      suggestion.taskId,
      suggestion.documentId,
      suggestion.field,
      JSON.stringify(suggestion.value),
      suggestion.rationale,
      suggestion.runId ?? null,
    ],
  );
  return toSuggestion(rows[0]!);
}

/** Oldest first, as they were proposed. */
export async function listSuggestions(db: Queryable, documentId: string): Promise<Suggestion[]> {
  const { rows } = await db.query<SuggestionRow>(
    'SELECT * FROM suggestions WHERE document_id = $1 ORDER BY seq',
    [documentId],
  );
  return rows.map(toSuggestion);
}

export async function findSuggestion(db: Queryable, id: string): Promise<Suggestion | undefined> {
  const row = (await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE id = $1', [id])).rows[0];
  return row && toSuggestion(row);
}

/** Accepts or dismisses a pending suggestion once; a decided one is left as it is. */
export async function decideSuggestion(
  db: Queryable,
  decision: { id: string; status: Exclude<SuggestionStatus, 'pending'>; decidedBy: string },
): Promise<Suggestion | undefined> {
  const { rows } = await db.query<SuggestionRow>(
    `UPDATE suggestions SET status = $2, decided_by = $3, decided_at = now()
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [decision.id, decision.status, decision.decidedBy],
  );
  return rows[0] && toSuggestion(rows[0]);
}
