-- Issue 5: the agents. A run's whole transcript; the writes an agent proposed, which only a person's decision
-- runs; and the exception resolver's suggested corrections.
CREATE TABLE agent_runs (
  id uuid PRIMARY KEY,
  kind text NOT NULL, -- copilot | exception_resolver
  actor text NOT NULL, -- on whose behalf the agent ran
  task text NOT NULL, -- the question, or the review task worked on
  stop_reason text NOT NULL,
  transcript jsonb NOT NULL,
  usage jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_runs_created_idx ON agent_runs (created_at);

CREATE TABLE pending_actions (
  id uuid PRIMARY KEY,
  tool text NOT NULL,
  input jsonb NOT NULL,
  proposed_by text NOT NULL, -- the agent
  requested_by text NOT NULL, -- the person the agent worked for
  run_id uuid REFERENCES agent_runs (id) ON DELETE SET NULL,
  rationale text NOT NULL,
  status text NOT NULL DEFAULT 'pending', -- pending | approved | dismissed | failed
  decided_by text,
  decided_at timestamptz,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_actions_status_idx ON pending_actions (status, created_at);

CREATE TABLE suggestions (
  id uuid PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES review_tasks (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  field text NOT NULL,
  value jsonb NOT NULL,
  rationale text NOT NULL,
  status text NOT NULL DEFAULT 'pending', -- pending | accepted | dismissed
  run_id uuid REFERENCES agent_runs (id) ON DELETE SET NULL,
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestions_document_idx ON suggestions (document_id, created_at);
