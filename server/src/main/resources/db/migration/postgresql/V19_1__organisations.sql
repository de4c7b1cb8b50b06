-- Organisations (issue 14, part A): contact, address and place of each organisation; the incubation of social
-- organisations in the incubator (创益工场: applied → incubating → graduated, each with its day) and its history;
-- who ended a service area and when it was recorded.
ALTER TABLE organisation ADD COLUMN contact_name VARCHAR(50);
ALTER TABLE organisation ADD COLUMN contact_phone VARCHAR(20);
ALTER TABLE organisation ADD COLUMN address VARCHAR(200);
ALTER TABLE organisation ADD COLUMN place geometry(Point, 4326);
ALTER TABLE organisation ADD COLUMN synthetic BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE organisation ADD COLUMN incubation_stage VARCHAR(16);
ALTER TABLE organisation ADD COLUMN applied_on DATE;
ALTER TABLE organisation ADD COLUMN incubating_on DATE;
ALTER TABLE organisation ADD COLUMN graduated_on DATE;
ALTER TABLE organisation ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- Each step of an organisation's incubation as it was recorded: the stage, the day it took effect, who recorded it.
CREATE SEQUENCE organisation_incubation_seq INCREMENT BY 50;
CREATE TABLE organisation_incubation (
  id               BIGINT PRIMARY KEY,
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id),
  stage            VARCHAR(16) NOT NULL,
  on_day           DATE NOT NULL,
  recorded_by      VARCHAR(40) NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX organisation_incubation_org_idx ON organisation_incubation (organisation_id);
CREATE INDEX organisation_service_area_org_idx ON organisation_service_area (organisation_id);

-- One row that writers of service areas lock first: two property companies claiming one compound at once are
-- checked one after the other, so at most one of them is stored (the same on H2 and PostgreSQL).
CREATE TABLE organisation_service_area_lock (id INT PRIMARY KEY);
INSERT INTO organisation_service_area_lock (id) VALUES (1);
