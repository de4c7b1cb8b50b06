-- Buildings a district imports (issue 11): a footprint where the survey gives one (the location is its interior
-- point), the compound (小区) it belongs to and its address; codes as long as districts write them.
ALTER TABLE building ALTER COLUMN code TYPE VARCHAR(40);
ALTER TABLE building ADD COLUMN footprint geometry(MultiPolygon, 4326);
ALTER TABLE building ADD COLUMN compound VARCHAR(100);
ALTER TABLE building ADD COLUMN address VARCHAR(200);

-- Compounds (小区): an outline given by the district, or derived from their buildings (derived = true).
CREATE SEQUENCE compound_seq INCREMENT BY 50;
CREATE TABLE compound (
  id       BIGINT PRIMARY KEY,
  name     VARCHAR(100) NOT NULL UNIQUE,
  outline  geometry(MultiPolygon, 4326) NOT NULL,
  derived  BOOLEAN NOT NULL
);
CREATE INDEX compound_outline_idx ON compound USING GIST (outline);
