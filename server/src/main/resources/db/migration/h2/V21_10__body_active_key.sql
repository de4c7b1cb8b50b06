-- Issue 16 part A: one active body of a kind per area, also when two are constituted at once. active_key is
-- kind|area_kind|area_code while the body is not dissolved and null once it is; a unique key on it refuses the
-- second of two racing inserts (NULLs do not collide). Rows written without it (plain SQL) are still checked by query.
ALTER TABLE body ADD COLUMN active_key VARCHAR(260);
ALTER TABLE body ADD CONSTRAINT body_active_key UNIQUE (active_key);
