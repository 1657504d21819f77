-- Issue 5, bulk mode: a document submitted with `bulk` has its Claude call sent through the Message Batches
-- API (half the price, results within 24 hours) instead of synchronously.
ALTER TABLE documents ADD COLUMN bulk boolean NOT NULL DEFAULT false;

-- One row per bulk document waiting on Claude: the prepared request (custom_id = document_id) until it is
-- submitted, then the batch it went out in. The row goes when the document is finished from the outcome.
CREATE TABLE batch_requests (
  document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  engine text NOT NULL,
  request jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,          -- batches it has been sent in (transient errors resend it)
  batch_id text,                                -- null: collected, not submitted yet
  claimed_at timestamptz,                       -- a submitter took it; a claim older than 10 minutes is stale
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX batch_requests_batch_idx ON batch_requests (batch_id);
