-- Phones resend what they could not confirm (the field app's outbox): a workflow action and a patrol's start carry
-- the request's Idempotency-Key, so a resend is answered without acting twice.
ALTER TABLE incident_event ADD COLUMN request_key VARCHAR(100);
ALTER TABLE incident_event ADD COLUMN request_action VARCHAR(20);
CREATE UNIQUE INDEX incident_event_request_key ON incident_event (incident_id, request_key);
ALTER TABLE patrol ADD COLUMN start_key VARCHAR(100);
CREATE UNIQUE INDEX patrol_start_key ON patrol (owner, start_key);
