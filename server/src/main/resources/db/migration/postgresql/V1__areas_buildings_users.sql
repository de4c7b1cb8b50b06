-- Gridwatch schema, PostgreSQL + PostGIS. The postgis extension is created by the database owner or the
-- postgres user before the server starts (see README); IF NOT EXISTS makes this a no-op then.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE SEQUENCE area_seq INCREMENT BY 50;
CREATE SEQUENCE area_version_seq INCREMENT BY 50;
CREATE SEQUENCE building_seq INCREMENT BY 50;
CREATE SEQUENCE app_user_seq INCREMENT BY 50;

-- One row per area ever created; codes are never reused.
CREATE TABLE area (
  id          BIGINT PRIMARY KEY,
  code        VARCHAR(15)  NOT NULL UNIQUE,
  level       VARCHAR(12)  NOT NULL CHECK (level IN ('DISTRICT', 'SUBDISTRICT', 'COMMUNITY', 'GRID')),
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(100),
  parent_code VARCHAR(15)  REFERENCES area (code),
  kind        VARCHAR(16),
  synthetic   BOOLEAN      NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL,
  retired_at  TIMESTAMPTZ
);
CREATE INDEX area_parent_idx ON area (parent_code);

-- Boundary history: a version is valid in [valid_from, valid_to); the current one has valid_to NULL.
CREATE TABLE area_version (
  id          BIGINT PRIMARY KEY,
  area_id     BIGINT      NOT NULL REFERENCES area (id),
  version     INTEGER     NOT NULL,
  valid_from  TIMESTAMPTZ NOT NULL,
  valid_to    TIMESTAMPTZ,
  boundary    geometry(MultiPolygon, 4326) NOT NULL,
  area_m2     DOUBLE PRECISION NOT NULL,
  households  INTEGER     NOT NULL,
  residents   INTEGER     NOT NULL,
  UNIQUE (area_id, version),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX area_version_boundary_idx ON area_version USING GIST (boundary);
CREATE UNIQUE INDEX area_version_current_idx ON area_version (area_id) WHERE valid_to IS NULL;

CREATE TABLE building (
  id         BIGINT PRIMARY KEY,
  code       VARCHAR(16)  NOT NULL UNIQUE,
  name       VARCHAR(100) NOT NULL,
  location   geometry(Point, 4326) NOT NULL,
  households INTEGER      NOT NULL CHECK (households >= 0),
  residents  INTEGER      NOT NULL CHECK (residents >= 0),
  synthetic  BOOLEAN      NOT NULL
);
CREATE INDEX building_location_idx ON building USING GIST (location);

-- Which bundled datasets have been imported, so a restart never imports twice.
CREATE TABLE dataset_import (
  dataset     VARCHAR(40) PRIMARY KEY,
  imported_at TIMESTAMPTZ NOT NULL,
  summary     VARCHAR(400) NOT NULL
);

CREATE TABLE app_user (
  id            BIGINT PRIMARY KEY,
  username      VARCHAR(40)  NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  created_at    TIMESTAMPTZ  NOT NULL
);
CREATE TABLE app_user_role (
  user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE', 'GRID_WORKER',
                                                 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'RESIDENT')),
  PRIMARY KEY (user_id, role)
);
