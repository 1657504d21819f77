-- Issue 5: the token and cost ledger of the LLM engines, one row per extraction that called a model.
-- document_id is null for runs that store no document (extract_document over HTTP/MCP).
CREATE TABLE llm_usage (
  id uuid PRIMARY KEY,
  document_id uuid REFERENCES documents (id) ON DELETE SET NULL, -- the spend outlives the document
  engine text NOT NULL,
  model text NOT NULL,
  requests integer NOT NULL DEFAULT 1,
  input_tokens integer NOT NULL,
  output_tokens integer NOT NULL,
  cache_read_tokens integer NOT NULL DEFAULT 0,
  cache_write_tokens integer NOT NULL DEFAULT 0,
  cost_usd numeric(14, 6),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_usage_at_idx ON llm_usage (at);
CREATE INDEX llm_usage_document_idx ON llm_usage (document_id);
