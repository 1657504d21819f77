-- Issue 3: the human half of the pipeline (review, four eyes, corrections), the vendor master, export
-- deliveries and UI sessions.

-- Hash of the words on the pages, so a re-saved or re-scanned copy of a file is found as a duplicate.
ALTER TABLE documents ADD COLUMN content_sha256 text;
CREATE INDEX documents_content_idx ON documents (content_sha256);

CREATE TABLE vendors (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL UNIQUE, -- vendorKey(name): case, punctuation and legal suffixes folded
  aliases jsonb NOT NULL DEFAULT '[]',
  tax_id text,
  bank_account text,
  bank_routing text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE review_tasks
  ADD COLUMN due_at timestamptz,
  ADD COLUMN claimed_by text,
  ADD COLUMN lease_expires_at timestamptz,
  ADD COLUMN four_eyes_reasons jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN first_approver text,
  ADD COLUMN first_approved_at timestamptz,
  ADD COLUMN decided_by text,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decision_reason text;

-- Every field a reviewer changed, before and after: the raw material for evaluation data.
CREATE TABLE corrections (
  id uuid PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES review_tasks (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  field text NOT NULL,
  before jsonb,
  after jsonb NOT NULL,
  reason text,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX corrections_document_idx ON corrections (document_id, at);

-- One row per document and export target: what was delivered, or why not yet.
CREATE TABLE deliveries (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  target text NOT NULL,
  status text NOT NULL, -- pending | delivered | failed
  attempts integer NOT NULL DEFAULT 0,
  idempotency_key text NOT NULL,
  last_error text,
  delivered_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, target)
);
CREATE INDEX deliveries_status_idx ON deliveries (status);

-- UI sessions: the cookie holds a random id; only its hash is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  token_id uuid NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
