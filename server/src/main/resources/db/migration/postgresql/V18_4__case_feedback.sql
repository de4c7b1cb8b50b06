-- The reporter's satisfaction with a closed case (满意 / 基本满意 / 不满意): one per case (the key), so that of two
-- ratings sent at once exactly one is stored. reopened: an unsatisfied rating within the rework window sent the
-- case back for rework (返工).
CREATE TABLE incident_feedback (
  incident_id BIGINT PRIMARY KEY REFERENCES incident (id),
  rating      VARCHAR(24)  NOT NULL,
  comment_text VARCHAR(500),
  at          TIMESTAMPTZ NOT NULL,
  reopened    BOOLEAN      NOT NULL
);
-- The rating on the timeline's FEEDBACK event.
ALTER TABLE incident_event ADD COLUMN rating VARCHAR(24);
