-- Sky net (cameras), ground net (patrol routes) and the key public areas their coverage is judged by.
CREATE SEQUENCE camera_seq INCREMENT BY 50;
CREATE SEQUENCE patrol_route_seq INCREMENT BY 50;

CREATE TABLE camera (
  id            BIGINT PRIMARY KEY,
  code          VARCHAR(20)  NOT NULL UNIQUE,
  name          VARCHAR(100) NOT NULL,
  location      geometry(Point, 4326)      NOT NULL,
  type          VARCHAR(8)   NOT NULL CHECK (type IN ('FIXED', 'PTZ', 'DOME')),
  heading       DOUBLE PRECISION NOT NULL CHECK (heading >= 0 AND heading < 360),
  fov           DOUBLE PRECISION NOT NULL CHECK (fov > 0 AND fov <= 360),
  range_m       DOUBLE PRECISION NOT NULL CHECK (range_m > 0 AND range_m <= 500),
  mount_height_m DOUBLE PRECISION NOT NULL CHECK (mount_height_m >= 0 AND mount_height_m <= 100),
  status        VARCHAR(8)   NOT NULL CHECK (status IN ('ONLINE', 'OFFLINE', 'FAULT')),
  key_area      BOOLEAN      NOT NULL,
  install_date  DATE         NOT NULL,
  grid_code     VARCHAR(15),
  synthetic     BOOLEAN      NOT NULL,
  version       INTEGER      NOT NULL,
  updated_at    TIMESTAMPTZ         NOT NULL
);
CREATE INDEX camera_location_idx ON camera USING GIST (location);

-- schedule: JSON list of windows, e.g. [{"days":"MON-FRI","start":"08:00","end":"12:00","passes":2}]
CREATE TABLE patrol_route (
  id          BIGINT PRIMARY KEY,
  code        VARCHAR(20)  NOT NULL UNIQUE,
  name        VARCHAR(100) NOT NULL,
  geometry    geometry(MultiLineString, 4326)      NOT NULL,
  team_code   VARCHAR(24),
  mode        VARCHAR(8)   NOT NULL CHECK (mode IN ('FOOT', 'BIKE', 'CAR')),
  width_m     DOUBLE PRECISION NOT NULL CHECK (width_m > 0 AND width_m <= 200),
  schedule    VARCHAR(2000) NOT NULL,
  synthetic   BOOLEAN      NOT NULL,
  version     INTEGER      NOT NULL,
  updated_at  TIMESTAMPTZ         NOT NULL
);
CREATE INDEX patrol_route_geometry_idx ON patrol_route USING GIST (geometry);

CREATE TABLE key_area (
  code       VARCHAR(20)  PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  boundary   geometry(MultiPolygon, 4326)   NOT NULL,
  synthetic  BOOLEAN      NOT NULL
);
