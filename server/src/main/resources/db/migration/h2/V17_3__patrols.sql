-- Patrols as walked (issue 12): a patrol started by a signed-in person, its accepted GPS fixes in order, the batches
-- an Idempotency-Key made (answered again on a resend), the key points (checkpoints) of routes and check-ins at them.
-- The embedded default keeps no spatial indexes (see V7_1).
CREATE SEQUENCE patrol_seq INCREMENT BY 50;
CREATE SEQUENCE route_checkpoint_seq INCREMENT BY 50;

CREATE TABLE patrol (
  id           BIGINT PRIMARY KEY,
  owner        VARCHAR(100) NOT NULL,
  person_code  VARCHAR(40),
  route_code   VARCHAR(20),
  grid_code    VARCHAR(40),
  mode         VARCHAR(8)   NOT NULL CHECK (mode IN ('FOOT', 'BIKE', 'CAR')),
  width_m      DOUBLE PRECISION NOT NULL CHECK (width_m > 0 AND width_m <= 200),
  status       VARCHAR(8)   NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at     TIMESTAMP WITH TIME ZONE,
  length_m     DOUBLE PRECISION NOT NULL,
  point_count  INTEGER      NOT NULL,
  last_lon     DOUBLE PRECISION,
  last_lat     DOUBLE PRECISION,
  last_at      TIMESTAMP WITH TIME ZONE,
  last_accuracy DOUBLE PRECISION,
  track        GEOMETRY(LINESTRING, 4326),
  version      INTEGER      NOT NULL
);
CREATE INDEX patrol_owner_idx ON patrol (owner, started_at);
CREATE INDEX patrol_ended_idx ON patrol (ended_at);

CREATE TABLE patrol_point (
  patrol_id  BIGINT NOT NULL REFERENCES patrol (id),
  seq        INTEGER NOT NULL,
  lon        DOUBLE PRECISION NOT NULL,
  lat        DOUBLE PRECISION NOT NULL,
  fix_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  accuracy   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (patrol_id, seq)
);

CREATE TABLE patrol_batch (
  patrol_id     BIGINT NOT NULL REFERENCES patrol (id),
  idem_key      VARCHAR(100) NOT NULL,
  request_hash  VARCHAR(64)  NOT NULL,
  answer        CLOB         NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (patrol_id, idem_key)
);

CREATE TABLE route_checkpoint (
  id          BIGINT PRIMARY KEY,
  route_code  VARCHAR(20)  NOT NULL,
  code        VARCHAR(40)  NOT NULL UNIQUE,
  name        VARCHAR(100) NOT NULL,
  location    GEOMETRY(POINT, 4326) NOT NULL,
  radius_m    DOUBLE PRECISION NOT NULL CHECK (radius_m > 0 AND radius_m <= 500)
);
CREATE INDEX route_checkpoint_route_idx ON route_checkpoint (route_code);

CREATE TABLE patrol_checkin (
  patrol_id        BIGINT NOT NULL REFERENCES patrol (id),
  checkpoint_code  VARCHAR(40) NOT NULL,
  checked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  lon              DOUBLE PRECISION NOT NULL,
  lat              DOUBLE PRECISION NOT NULL,
  explicit_request BOOLEAN NOT NULL,
  PRIMARY KEY (patrol_id, checkpoint_code)
);
