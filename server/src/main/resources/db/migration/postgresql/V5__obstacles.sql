-- Obstacles to cameras' line of sight (building footprints, walls), imported by users; none in the demo.
CREATE TABLE obstacle (
  code       VARCHAR(40)  PRIMARY KEY,
  boundary   geometry(MultiPolygon, 4326) NOT NULL,
  height_m   DOUBLE PRECISION CHECK (height_m IS NULL OR (height_m >= 0 AND height_m <= 1000)),
  imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX obstacle_boundary_idx ON obstacle USING GIST (boundary);
