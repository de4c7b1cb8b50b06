-- Staff roster (一员一警两队): people, teams, district departments, and dated per-grid assignments.
CREATE SEQUENCE person_seq INCREMENT BY 50;
CREATE SEQUENCE team_seq INCREMENT BY 50;
CREATE SEQUENCE grid_assignment_seq INCREMENT BY 50;

-- District departments (区直部门): the top of bottom-up handling (rows seeded in V3 with the categories).
CREATE TABLE department (
  code    VARCHAR(20)  PRIMARY KEY,
  name    VARCHAR(60)  NOT NULL,
  name_en VARCHAR(80)  NOT NULL
);

CREATE TABLE person (
  id         BIGINT PRIMARY KEY,
  code       VARCHAR(20)  NOT NULL UNIQUE,
  name       VARCHAR(60)  NOT NULL,
  duty       VARCHAR(20)  NOT NULL CHECK (duty IN ('GRID_MEMBER', 'POLICE_OFFICER', 'COMMUNITY_STAFF',
                                                   'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF')),
  -- the community, subdistrict or department the person works for
  unit_code  VARCHAR(20)  NOT NULL,
  phone      VARCHAR(20),
  username   VARCHAR(40)  UNIQUE,
  synthetic  BOOLEAN      NOT NULL
);

CREATE TABLE team (
  id        BIGINT PRIMARY KEY,
  code      VARCHAR(24)  NOT NULL UNIQUE,
  name      VARCHAR(80)  NOT NULL,
  kind      VARCHAR(12)  NOT NULL CHECK (kind IN ('PATROL', 'VOLUNTEER')),
  unit_code VARCHAR(20)  NOT NULL,
  synthetic BOOLEAN      NOT NULL
);

-- Who fills which of a grid's four slots, valid in [valid_from, valid_to).
CREATE TABLE grid_assignment (
  id         BIGINT PRIMARY KEY,
  grid_code  VARCHAR(15) NOT NULL REFERENCES area (code),
  slot       VARCHAR(16) NOT NULL CHECK (slot IN ('GRID_MEMBER', 'POLICE_OFFICER', 'PATROL_TEAM', 'VOLUNTEER_TEAM')),
  person_id  BIGINT      REFERENCES person (id),
  team_id    BIGINT      REFERENCES team (id),
  valid_from TIMESTAMPTZ NOT NULL,
  valid_to   TIMESTAMPTZ,
  CHECK ((person_id IS NULL) <> (team_id IS NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX grid_assignment_grid_idx ON grid_assignment (grid_code, valid_to);
CREATE INDEX grid_assignment_person_idx ON grid_assignment (person_id, valid_to);
