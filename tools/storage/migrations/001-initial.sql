CREATE TABLE documents (
  id uuid PRIMARY KEY,
  sha256 text NOT NULL UNIQUE,
  filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL,
  page_count integer,
  read_timings jsonb,
  status text NOT NULL,
  doc_type text,
  doc_type_requested text,
  error_code text,
  error_message text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_status_idx ON documents (status, created_at);

CREATE TABLE pages (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number integer NOT NULL,
  width real NOT NULL,
  height real NOT NULL,
  source text NOT NULL,
  words jsonb NOT NULL,
  image_sha256 text,
  PRIMARY KEY (document_id, number)
);

CREATE TABLE extractions (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  engine_name text NOT NULL,
  engine_version text NOT NULL,
  doc_type text NOT NULL,
  doc_type_confidence real NOT NULL,
  fields jsonb NOT NULL,
  validation jsonb NOT NULL,
  timings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, engine_name)
);

CREATE TABLE review_tasks (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
  status text NOT NULL,
  reasons jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_tasks_status_idx ON review_tasks (status, created_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL, -- ISO string exactly as hashed
  actor text NOT NULL,
  action text NOT NULL,
  document_id uuid,
  details jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_document_idx ON audit_log (document_id, seq);

-- The audit log is append-only: edits and deletions are refused by the database itself.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
