-- Photos of a case (issue 12): stored in the database with their case, so that every instance serving the same
-- database has them, a backup holds them, and the bytes commit in the same transaction as the row naming them.
-- Keyed to the case's id, not its grid: a case re-homed to another grid keeps its photos.
CREATE SEQUENCE media_seq;
CREATE TABLE media (
  id            BIGINT       PRIMARY KEY,
  public_id     VARCHAR(32)  NOT NULL UNIQUE,
  incident_id   BIGINT       NOT NULL REFERENCES incident (id),
  kind          VARCHAR(10)  NOT NULL,
  content_type  VARCHAR(40)  NOT NULL,
  bytes         BIGINT       NOT NULL,
  width         INTEGER,
  height        INTEGER,
  -- the public copy's type; NULL: none (a format the server cannot decode keeps its original for staff only)
  public_type   VARCHAR(40),
  uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  uploaded_by   VARCHAR(100) NOT NULL,
  idem_key      VARCHAR(100),
  request_hash  VARCHAR(64),
  CONSTRAINT media_idempotency UNIQUE (incident_id, idem_key)
);
CREATE INDEX media_incident_idx ON media (incident_id, id);

-- The bytes: ORIGINAL (as uploaded, staff only), PUBLIC (re-encoded without metadata) and THUMBNAIL.
CREATE TABLE media_content (
  media_id  BIGINT      NOT NULL REFERENCES media (id),
  variant   VARCHAR(10) NOT NULL,
  content   BLOB        NOT NULL,
  PRIMARY KEY (media_id, variant)
);
