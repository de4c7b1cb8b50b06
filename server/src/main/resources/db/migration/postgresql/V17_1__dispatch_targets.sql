-- Dispatch to a unit or a person (issue 12): a case may be assigned to one roster person, who alone (with the
-- command centre) acts on it; the name is kept as it was at dispatch so the case reads the same after a roster
-- change. A handler's 退单 reason stays on the case until it is dispatched again, for the command centre's queue.
-- Each hop of the timeline names whom the case went to (a person, or a unit) by code and name.
ALTER TABLE incident ADD COLUMN assignee_code VARCHAR(20);
ALTER TABLE incident ADD COLUMN assignee_name VARCHAR(60);
ALTER TABLE incident ADD COLUMN return_reason VARCHAR(2000);
ALTER TABLE incident_event ADD COLUMN target_code VARCHAR(20);
ALTER TABLE incident_event ADD COLUMN target_name VARCHAR(120);
CREATE INDEX incident_assignee_idx ON incident (assignee_code, status);
