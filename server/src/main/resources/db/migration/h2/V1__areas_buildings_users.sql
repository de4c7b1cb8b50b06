-- Gridwatch schema, H2 + H2GIS (the embedded default). Same tables as db/migration/postgresql.
-- Registers the H2GIS spatial functions (ST_Contains, ST_Union, ...) in this database.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE SEQUENCE area_seq INCREMENT BY 50;
CREATE SEQUENCE area_version_seq INCREMENT BY 50;
CREATE SEQUENCE building_seq INCREMENT BY 50;
CREATE SEQUENCE app_user_seq INCREMENT BY 50;

CREATE TABLE area (
  id          BIGINT PRIMARY KEY,
  code        VARCHAR(15)  NOT NULL UNIQUE,
  level       VARCHAR(12)  NOT NULL CHECK (level IN ('DISTRICT', 'SUBDISTRICT', 'COMMUNITY', 'GRID')),
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(100),
  parent_code VARCHAR(15)  REFERENCES area (code),
  kind        VARCHAR(16),
  synthetic   BOOLEAN      NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  retired_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX area_parent_idx ON area (parent_code);

CREATE TABLE area_version (
  id          BIGINT PRIMARY KEY,
  area_id     BIGINT      NOT NULL REFERENCES area (id),
  version     INTEGER     NOT NULL,
  valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to    TIMESTAMP WITH TIME ZONE,
  boundary    GEOMETRY(MULTIPOLYGON, 4326) NOT NULL,
  area_m2     DOUBLE PRECISION NOT NULL,
  households  INTEGER     NOT NULL,
  residents   INTEGER     NOT NULL,
  UNIQUE (area_id, version),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE SPATIAL INDEX area_version_boundary_idx ON area_version (boundary);
CREATE INDEX area_version_area_idx ON area_version (area_id, valid_to);

CREATE TABLE building (
  id         BIGINT PRIMARY KEY,
  code       VARCHAR(16)  NOT NULL UNIQUE,
  name       VARCHAR(100) NOT NULL,
  location   GEOMETRY(POINT, 4326) NOT NULL,
  households INTEGER      NOT NULL CHECK (households >= 0),
  residents  INTEGER      NOT NULL CHECK (residents >= 0),
  synthetic  BOOLEAN      NOT NULL
);
CREATE SPATIAL INDEX building_location_idx ON building (location);

CREATE TABLE dataset_import (
  dataset     VARCHAR(40) PRIMARY KEY,
  imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  summary     VARCHAR(400) NOT NULL
);

CREATE TABLE app_user (
  id            BIGINT PRIMARY KEY,
  username      VARCHAR(40)  NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(100) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE app_user_role (
  user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE', 'GRID_WORKER',
                                                 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'RESIDENT')),
  PRIMARY KEY (user_id, role)
);
