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
