-- Property company first (issue 14 §3): a category may send a case placed inside a compound a property company serves
-- to that company first, with its own time limit (working hours), before the grid and the ladder above it.
ALTER TABLE category ADD COLUMN property_first BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE category ADD COLUMN property_time_limit_hours INTEGER;

-- The compound (小区) a case lies in, and the property company it was dispatched to first (its id and name as they
-- were at dispatch), that tier's deadline and when the company's staff first acted: the property tier's measures.
ALTER TABLE incident ADD COLUMN compound VARCHAR(100);
ALTER TABLE incident ADD COLUMN property_organisation BIGINT;
ALTER TABLE incident ADD COLUMN property_name VARCHAR(100);
ALTER TABLE incident ADD COLUMN property_deadline TIMESTAMPTZ;
ALTER TABLE incident ADD COLUMN property_responded_at TIMESTAMPTZ;
CREATE INDEX incident_property_idx ON incident (property_organisation);
