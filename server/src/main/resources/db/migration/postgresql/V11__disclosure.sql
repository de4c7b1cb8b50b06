-- Public reads that protect residents: the reporter chooses whether their words may be shown to anyone, and follows
-- the case with a token only they received (stored as its SHA-256, never in the clear).
ALTER TABLE incident ADD COLUMN public_text BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident ADD COLUMN follow_token_hash VARCHAR(64);
-- A retried report (same Idempotency-Key) answers the same follow token: it is derived from the key, which only the
-- client knows, and this salt, which only the server knows; neither the token nor the key is stored.
ALTER TABLE idempotency_key ADD COLUMN token_salt VARCHAR(32);
