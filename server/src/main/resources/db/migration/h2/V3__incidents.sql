-- Incidents and resident requests (OTO): categories with time limits, cases, their history, idempotency keys.
CREATE SEQUENCE incident_seq INCREMENT BY 50;
CREATE SEQUENCE incident_event_seq INCREMENT BY 50;
-- Case numbers: GW-<year>-<number>, never reused.
CREATE SEQUENCE incident_number_seq;

CREATE TABLE category (
  code             VARCHAR(30)  PRIMARY KEY,
  name             VARCHAR(40)  NOT NULL,
  name_en          VARCHAR(60)  NOT NULL,
  description      VARCHAR(400) NOT NULL,
  kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('REQUEST', 'INCIDENT')),
  default_priority VARCHAR(8)   NOT NULL CHECK (default_priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  first_level      VARCHAR(12)  NOT NULL CHECK (first_level IN ('GRID', 'COMMUNITY', 'SUBDISTRICT', 'DEPARTMENT')),
  department_code  VARCHAR(20)  NOT NULL REFERENCES department (code),
  active           BOOLEAN      NOT NULL
);

-- The time limit of each stage: REGISTER (reported -> registered), DISPATCH (registered -> dispatched),
-- HANDLE (dispatched -> resolved, at each level), VERIFY (resolved -> closed).
CREATE TABLE category_time_limit (
  category_code VARCHAR(30) NOT NULL REFERENCES category (code),
  stage         VARCHAR(10) NOT NULL CHECK (stage IN ('REGISTER', 'DISPATCH', 'HANDLE', 'VERIFY')),
  amount        INTEGER     NOT NULL CHECK (amount > 0),
  unit          VARCHAR(16) NOT NULL CHECK (unit IN ('WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_MINUTES', 'CALENDAR_HOURS')),
  PRIMARY KEY (category_code, stage)
);

CREATE TABLE incident (
  id                BIGINT PRIMARY KEY,
  public_id         VARCHAR(20)   NOT NULL UNIQUE,
  kind              VARCHAR(10)   NOT NULL,
  category_code     VARCHAR(30)   NOT NULL REFERENCES category (code),
  channel           VARCHAR(16)   NOT NULL,
  status            VARCHAR(12)   NOT NULL,
  priority          VARCHAR(8)    NOT NULL,
  location          GEOMETRY(POINT, 4326)       NOT NULL,
  input_lon         DOUBLE PRECISION NOT NULL,
  input_lat         DOUBLE PRECISION NOT NULL,
  input_crs         VARCHAR(10)   NOT NULL,
  address           VARCHAR(200),
  description       VARCHAR(4000) NOT NULL,
  media_urls        VARCHAR(2000),
  -- private: never on a public read, never logged
  reporter_name     VARCHAR(60),
  reporter_phone    VARCHAR(30),
  reporter_email    VARCHAR(120),
  reporter_device   VARCHAR(120),
  reporter_account  VARCHAR(40),
  -- placement at report time
  grid_code         VARCHAR(15)   NOT NULL,
  community_code    VARCHAR(15)   NOT NULL,
  subdistrict_code  VARCHAR(15)   NOT NULL,
  district_code     VARCHAR(15)   NOT NULL,
  boundary_version  INTEGER       NOT NULL,
  -- who is responsible now, and the clock of the current stage
  level             VARCHAR(12),
  unit_code         VARCHAR(20),
  stage_started_at  TIMESTAMP WITH TIME ZONE          NOT NULL,
  deadline          TIMESTAMP WITH TIME ZONE,
  warn_at           TIMESTAMP WITH TIME ZONE,
  warned            BOOLEAN       NOT NULL,
  reported_at       TIMESTAMP WITH TIME ZONE          NOT NULL,
  registered_at     TIMESTAMP WITH TIME ZONE,
  dispatched_at     TIMESTAMP WITH TIME ZONE,
  resolved_at       TIMESTAMP WITH TIME ZONE,
  closed_at         TIMESTAMP WITH TIME ZONE,
  escalations       INTEGER       NOT NULL,
  reopenings        INTEGER       NOT NULL,
  left_grid         BOOLEAN       NOT NULL,
  -- a handling deadline passed before the case was resolved
  breached          BOOLEAN       NOT NULL,
  -- the department-level deadline passed and the command centre was told
  overdue_notified  BOOLEAN       NOT NULL,
  closed_on_time    BOOLEAN,
  duplicate_of      BIGINT        REFERENCES incident (id),
  merged_into       BIGINT        REFERENCES incident (id),
  version           INTEGER       NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE          NOT NULL
);
CREATE SPATIAL INDEX incident_location_idx ON incident (location);
CREATE INDEX incident_queue_idx ON incident (deadline, id);
CREATE INDEX incident_status_idx ON incident (status);
CREATE INDEX incident_grid_idx ON incident (grid_code, reported_at);
CREATE INDEX incident_community_idx ON incident (community_code, reported_at);
CREATE INDEX incident_subdistrict_idx ON incident (subdistrict_code, reported_at);
CREATE INDEX incident_reported_idx ON incident (reported_at);
CREATE INDEX incident_category_idx ON incident (category_code, reported_at);

CREATE TABLE incident_event (
  id          BIGINT PRIMARY KEY,
  incident_id BIGINT       NOT NULL REFERENCES incident (id),
  at          TIMESTAMP WITH TIME ZONE         NOT NULL,
  type        VARCHAR(20)  NOT NULL,
  from_status VARCHAR(12),
  to_status   VARCHAR(12),
  actor       VARCHAR(40)  NOT NULL,
  actor_role  VARCHAR(20)  NOT NULL,
  level       VARCHAR(12),
  unit_code   VARCHAR(20),
  note        VARCHAR(2000),
  photo_url   VARCHAR(500)
);
CREATE INDEX incident_event_incident_idx ON incident_event (incident_id, at);

-- A retried submission with the same Idempotency-Key returns the same case.
CREATE TABLE idempotency_key (
  idem_key     VARCHAR(100) PRIMARY KEY,
  request_hash VARCHAR(64)  NOT NULL,
  incident_id  BIGINT       NOT NULL REFERENCES incident (id),
  created_at   TIMESTAMP WITH TIME ZONE         NOT NULL
);

INSERT INTO department (code, name, name_en) VALUES
  ('CGJ', '市北区城市管理局', 'Shibei Urban Management Bureau'),
  ('ZJJ', '市北区住房和城乡建设局', 'Shibei Housing and Urban-Rural Development Bureau'),
  ('GAJ', '青岛市公安局市北分局', 'Shibei Branch, Qingdao Public Security Bureau'),
  ('MZJ', '市北区民政局', 'Shibei Civil Affairs Bureau'),
  ('SFJ', '市北区司法局', 'Shibei Justice Bureau'),
  ('SWJ', '市北区商务局', 'Shibei Commerce Bureau');

INSERT INTO category (code, name, name_en, description, kind, default_priority, first_level, department_code, active) VALUES
  ('NEIGHBOUR_DISPUTE', '矛盾纠纷', 'Neighbour dispute', 'Disputes between neighbours: noise, leaks, shared space; mediated in the grid first', 'INCIDENT', 'NORMAL', 'GRID', 'SFJ', TRUE),
  ('PUBLIC_SECURITY', '治安', 'Public security', 'Fights, suspicious people, theft in progress: the grid police officer responds', 'INCIDENT', 'URGENT', 'GRID', 'GAJ', TRUE),
  ('SANITATION', '环境卫生', 'Sanitation', 'Exposed garbage, overflowing bins, dirty public areas', 'INCIDENT', 'NORMAL', 'GRID', 'CGJ', TRUE),
  ('ROAD_NOT_CLEAN', '道路不洁', 'Road not clean', 'Streets and lanes not swept, spills on the road', 'INCIDENT', 'NORMAL', 'GRID', 'CGJ', TRUE),
  ('MUNICIPAL_FACILITY', '市政设施', 'Municipal facility damage', 'Broken manhole covers, street lights, railings, pavements', 'INCIDENT', 'HIGH', 'COMMUNITY', 'CGJ', TRUE),
  ('ILLEGAL_CONSTRUCTION', '违法搭建', 'Illegal construction', 'Unauthorised structures on roofs, balconies or public land', 'INCIDENT', 'NORMAL', 'SUBDISTRICT', 'CGJ', TRUE),
  ('PROPERTY_MANAGEMENT', '物业', 'Property management', 'Problems with a compound''s property management: lifts, doors, repairs', 'REQUEST', 'NORMAL', 'GRID', 'ZJJ', TRUE),
  ('ELDERLY_CARE', '养老服务', 'Elderly care', 'Meals, visits and care for older residents', 'REQUEST', 'NORMAL', 'COMMUNITY', 'MZJ', TRUE),
  ('HOUSEKEEPING', '家政服务', 'Housekeeping', 'Finding cleaning, cooking or care help through the community', 'REQUEST', 'LOW', 'COMMUNITY', 'SWJ', TRUE),
  ('DELIVERY', '配送', 'Delivery', 'Parcels, groceries and medicine delivered to residents who cannot go out', 'REQUEST', 'LOW', 'COMMUNITY', 'SWJ', TRUE),
  ('LEGAL_AID', '法律咨询', 'Legal aid', 'Legal questions answered by the community legal adviser', 'REQUEST', 'NORMAL', 'COMMUNITY', 'SFJ', TRUE);

INSERT INTO category_time_limit (category_code, stage, amount, unit) VALUES
  ('NEIGHBOUR_DISPUTE', 'REGISTER', 1, 'WORKING_HOURS'), ('NEIGHBOUR_DISPUTE', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('NEIGHBOUR_DISPUTE', 'HANDLE', 3, 'WORKING_DAYS'), ('NEIGHBOUR_DISPUTE', 'VERIFY', 1, 'WORKING_DAYS'),
  ('PUBLIC_SECURITY', 'REGISTER', 10, 'CALENDAR_MINUTES'), ('PUBLIC_SECURITY', 'DISPATCH', 10, 'CALENDAR_MINUTES'),
  ('PUBLIC_SECURITY', 'HANDLE', 2, 'CALENDAR_HOURS'), ('PUBLIC_SECURITY', 'VERIFY', 4, 'CALENDAR_HOURS'),
  ('SANITATION', 'REGISTER', 1, 'WORKING_HOURS'), ('SANITATION', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('SANITATION', 'HANDLE', 1, 'WORKING_DAYS'), ('SANITATION', 'VERIFY', 1, 'WORKING_DAYS'),
  ('ROAD_NOT_CLEAN', 'REGISTER', 1, 'WORKING_HOURS'), ('ROAD_NOT_CLEAN', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('ROAD_NOT_CLEAN', 'HANDLE', 5, 'WORKING_HOURS'), ('ROAD_NOT_CLEAN', 'VERIFY', 1, 'WORKING_DAYS'),
  ('MUNICIPAL_FACILITY', 'REGISTER', 1, 'WORKING_HOURS'), ('MUNICIPAL_FACILITY', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('MUNICIPAL_FACILITY', 'HANDLE', 2, 'WORKING_DAYS'), ('MUNICIPAL_FACILITY', 'VERIFY', 1, 'WORKING_DAYS'),
  ('ILLEGAL_CONSTRUCTION', 'REGISTER', 1, 'WORKING_HOURS'), ('ILLEGAL_CONSTRUCTION', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('ILLEGAL_CONSTRUCTION', 'HANDLE', 15, 'WORKING_DAYS'), ('ILLEGAL_CONSTRUCTION', 'VERIFY', 2, 'WORKING_DAYS'),
  ('PROPERTY_MANAGEMENT', 'REGISTER', 1, 'WORKING_HOURS'), ('PROPERTY_MANAGEMENT', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('PROPERTY_MANAGEMENT', 'HANDLE', 3, 'WORKING_DAYS'), ('PROPERTY_MANAGEMENT', 'VERIFY', 1, 'WORKING_DAYS'),
  ('ELDERLY_CARE', 'REGISTER', 1, 'WORKING_HOURS'), ('ELDERLY_CARE', 'DISPATCH', 2, 'WORKING_HOURS'),
  ('ELDERLY_CARE', 'HANDLE', 2, 'WORKING_DAYS'), ('ELDERLY_CARE', 'VERIFY', 1, 'WORKING_DAYS'),
  ('HOUSEKEEPING', 'REGISTER', 2, 'WORKING_HOURS'), ('HOUSEKEEPING', 'DISPATCH', 4, 'WORKING_HOURS'),
  ('HOUSEKEEPING', 'HANDLE', 3, 'WORKING_DAYS'), ('HOUSEKEEPING', 'VERIFY', 2, 'WORKING_DAYS'),
  ('DELIVERY', 'REGISTER', 1, 'WORKING_HOURS'), ('DELIVERY', 'DISPATCH', 1, 'WORKING_HOURS'),
  ('DELIVERY', 'HANDLE', 1, 'WORKING_DAYS'), ('DELIVERY', 'VERIFY', 1, 'WORKING_DAYS'),
  ('LEGAL_AID', 'REGISTER', 2, 'WORKING_HOURS'), ('LEGAL_AID', 'DISPATCH', 4, 'WORKING_HOURS'),
  ('LEGAL_AID', 'HANDLE', 5, 'WORKING_DAYS'), ('LEGAL_AID', 'VERIFY', 2, 'WORKING_DAYS');
