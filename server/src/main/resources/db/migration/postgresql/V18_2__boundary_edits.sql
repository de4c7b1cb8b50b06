-- Every committed boundary edit, with each area it touched and the versions before and after, so that an edit can be
-- reverted later by a new edit (history kept: the reverted edit names its revert and the revert names what it undid).
CREATE TABLE boundary_edit (
  id            VARCHAR(36)  PRIMARY KEY,
  kind          VARCHAR(20)  NOT NULL,
  parent_code   VARCHAR(20)  NOT NULL,
  committed_by  VARCHAR(100) NOT NULL,
  committed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  reverts       VARCHAR(36)  REFERENCES boundary_edit (id),
  reverted_by   VARCHAR(36)  REFERENCES boundary_edit (id)
);
CREATE INDEX boundary_edit_at_idx ON boundary_edit (committed_at);
-- version_before is null for an area the edit created, version_after for one it retired.
CREATE TABLE boundary_edit_area (
  edit_id         VARCHAR(36) NOT NULL REFERENCES boundary_edit (id),
  code            VARCHAR(20) NOT NULL,
  version_before  INTEGER,
  version_after   INTEGER,
  PRIMARY KEY (edit_id, code)
);
