import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

export const PENDING_ACTION_STATUSES = ['pending', 'approved', 'dismissed', 'failed'] as const;
export type PendingActionStatus = (typeof PENDING_ACTION_STATUSES)[number];

/** A write an agent wanted to make: it runs only when a person approves it, as that person. */
export type PendingAction = {
  id: string;
  tool: string;
  input: Record<string, unknown>;
  proposedBy: string;
  requestedBy: string;
  runId: string | null;
  rationale: string;
  status: PendingActionStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  result: unknown;
  createdAt: string;
};

type PendingActionRow = {
  id: string;
  tool: string;
  input: Record<string, unknown>;
  proposed_by: string;
  requested_by: string;
  run_id: string | null;
  rationale: string;
  status: PendingActionStatus;
  decided_by: string | null;
  decided_at: string | Date | null;
  result: unknown;
  created_at: string | Date;
};

function toPendingAction(row: PendingActionRow): PendingAction {
  return {
    id: row.id,
    tool: row.tool,
    input: row.input,
    proposedBy: row.proposed_by,
    requestedBy: row.requested_by,
    runId: row.run_id,
    rationale: row.rationale,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at && new Date(row.decided_at).toISOString(),
    result: row.result,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function insertPendingAction(
  db: Queryable,
  action: Pick<PendingAction, 'tool' | 'input' | 'proposedBy' | 'requestedBy' | 'rationale'> & {
    runId?: string;
  },
): Promise<PendingAction> {
  const { rows } = await db.query<PendingActionRow>(
    `INSERT INTO pending_actions (id, tool, input, proposed_by, requested_by, run_id, rationale)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [
      randomUUID(),
      action.tool,
      JSON.stringify(action.input),
      action.proposedBy,
      action.requestedBy,
      action.runId ?? null,
      action.rationale,
    ],
  );
  return toPendingAction(rows[0]!);
}

/** Ties actions proposed during a run to the run once it is stored (the run is stored when it ends). */
export async function attachPendingActionsToRun(db: Queryable, ids: readonly string[], runId: string) {
  if (ids.length === 0) return;
  await db.query('UPDATE pending_actions SET run_id = $1 WHERE id = ANY($2::uuid[])', [runId, ids]);
}

export async function findPendingAction(db: Queryable, id: string): Promise<PendingAction | undefined> {
  const row = (await db.query<PendingActionRow>('SELECT * FROM pending_actions WHERE id = $1', [id])).rows[0];
  return row && toPendingAction(row);
}

export async function listPendingActions(
  db: Queryable,
  filter: { status?: PendingActionStatus; limit?: number } = {},
): Promise<PendingAction[]> {
  const { rows } = await db.query<PendingActionRow>(
    `SELECT * FROM pending_actions WHERE ($1::text IS NULL OR status = $1)
     ORDER BY created_at DESC, id LIMIT $2`,
    [filter.status ?? null, filter.limit ?? 100],
  );
  return rows.map(toPendingAction);
}

/** Moves a pending action out of `pending` once: a second decision finds nothing to decide. */
export async function decidePendingAction(
  db: Queryable,
  decision: { id: string; status: Exclude<PendingActionStatus, 'pending'>; decidedBy: string },
): Promise<PendingAction | undefined> {
  const { rows } = await db.query<PendingActionRow>(
    `UPDATE pending_actions SET status = $2, decided_by = $3, decided_at = now()
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [decision.id, decision.status, decision.decidedBy],
  );
  return rows[0] && toPendingAction(rows[0]);
}

/** What running an approved action gave: its output, or the error that stopped it (status failed). */
export async function recordPendingActionResult(
  db: Queryable,
  outcome: { id: string; status: 'approved' | 'failed'; result: unknown },
): Promise<PendingAction> {
  const { rows } = await db.query<PendingActionRow>(
    'UPDATE pending_actions SET status = $2, result = $3 WHERE id = $1 RETURNING *',
    [outcome.id, outcome.status, JSON.stringify(outcome.result ?? null)],
  );
  return toPendingAction(rows[0]!);
}
