-- Suggestions are listed in the order they were proposed. created_at alone ties on PGlite, whose clock
-- can return the same instant for two inserts in a row, and the uuid tiebreak then shuffles them.
ALTER TABLE suggestions ADD COLUMN seq bigserial;
