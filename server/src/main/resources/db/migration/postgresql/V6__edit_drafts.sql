-- Boundary edits saved as named drafts, with the preview they had when saved; committed or discarded later
-- (kept afterwards as a record of who decided what).
CREATE TABLE edit_draft (
  id          VARCHAR(36)  PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('reshape', 'split', 'merge', 'buildings', 'children')),
  code        VARCHAR(20)  NOT NULL,
  base_etags  VARCHAR(4000) NOT NULL,
  request     TEXT NOT NULL,
  preview     TEXT NOT NULL,
  status      VARCHAR(20)  NOT NULL CHECK (status IN ('OPEN', 'COMMITTED', 'DISCARDED')),
  created_by  VARCHAR(100) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by  VARCHAR(100),
  decided_at  TIMESTAMP WITH TIME ZONE,
  outcome     TEXT
);
CREATE INDEX edit_draft_status_idx ON edit_draft (status, created_at);
