import { randomUUID } from 'node:crypto';
import type { LlmUsage } from '../claude/llm-usage.ts';
import type { Queryable } from './db.ts';

export const AGENT_KINDS = ['copilot', 'exception_resolver'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

/** One agent run as stored: what it was asked, how it stopped, and every message of it. */
export type AgentRunRecord = {
  id: string;
  kind: AgentKind;
  actor: string;
  task: string;
  stopReason: string;
  transcript: unknown[];
  usage: LlmUsage | null;
  createdAt: string;
};

type AgentRunRow = {
  id: string;
  kind: AgentKind;
  actor: string;
  task: string;
  stop_reason: string;
  transcript: unknown[];
  usage: LlmUsage | null;
  created_at: string | Date;
};

export async function insertAgentRun(
  db: Queryable,
  run: Omit<AgentRunRecord, 'id' | 'createdAt'> & { id?: string },
): Promise<string> {
  const id = run.id ?? randomUUID();
  await db.query(
    `INSERT INTO agent_runs (id, kind, actor, task, stop_reason, transcript, usage)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      run.kind,
      run.actor,
      run.task,
      run.stopReason,
      JSON.stringify(run.transcript),
      run.usage && JSON.stringify(run.usage),
    ],
  );
  return id;
}

export async function findAgentRun(db: Queryable, id: string): Promise<AgentRunRecord | undefined> {
  const row = (await db.query<AgentRunRow>('SELECT * FROM agent_runs WHERE id = $1', [id])).rows[0];
  return (
    row && {
      id: row.id,
      kind: row.kind,
      actor: row.actor,
      task: row.task,
      stopReason: row.stop_reason,
      transcript: row.transcript,
      usage: row.usage,
      createdAt: new Date(row.created_at).toISOString(),
    }
  );
}

/** Whether an agent of this kind has already worked on this task (a review task id, for the resolver). */
export async function hasAgentRun(db: Queryable, kind: AgentKind, task: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM agent_runs WHERE kind = $1 AND task = $2 LIMIT 1', [
    kind,
    task,
  ]);
  return rows.length > 0;
}
