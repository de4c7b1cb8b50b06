-- A system note (SLA warning, overdue, escalation, merge, duplicate link, rehoming, transfer) is stored as a text key
-- and its arguments, worded in the reader's language when read; note keeps the English words (old rows: only them).
ALTER TABLE incident_event ADD COLUMN note_key VARCHAR(60);
ALTER TABLE incident_event ADD COLUMN note_args VARCHAR(1000);
