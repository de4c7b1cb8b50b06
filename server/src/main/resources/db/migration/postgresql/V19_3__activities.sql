-- Activities and volunteer hours, matching (issue 14, part C): an activity has a time, a place (a point and the
-- radius a sign-in must lie within; the grid, community and subdistrict it lies in, as located when created), its
-- organisers (organisations and volunteers), the skills it asks for and a secret sign-in code its QR code carries.
-- Attendance: one row per volunteer and activity (the key keeps two sign-ins at once to one), hours as credited by
-- the rounding rule in force when the sign-out or correction was recorded. Corrections keep their before and after.
-- Matches: who took a booking or a case.
CREATE SEQUENCE activity_seq INCREMENT BY 50;
CREATE TABLE activity (
  id                BIGINT PRIMARY KEY,
  title             VARCHAR(200) NOT NULL,
  kind              VARCHAR(32)  NOT NULL,
  starts            TIMESTAMPTZ NOT NULL,
  ends              TIMESTAMPTZ NOT NULL,
  lon               DOUBLE PRECISION NOT NULL,
  lat               DOUBLE PRECISION NOT NULL,
  radius_m          DOUBLE PRECISION NOT NULL CHECK (radius_m > 0),
  grid_code         VARCHAR(40),
  community_code    VARCHAR(40),
  subdistrict_code  VARCHAR(40),
  service_point_id  BIGINT,
  sign_in_code      VARCHAR(64)  NOT NULL,
  created_by        VARCHAR(100) NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  CHECK (ends > starts)
);
CREATE INDEX activity_starts_idx ON activity (starts);
CREATE INDEX activity_grid_idx ON activity (grid_code);

CREATE TABLE activity_organisation (
  activity_id      BIGINT NOT NULL REFERENCES activity (id),
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (activity_id, organisation_id)
);
CREATE TABLE activity_organiser (
  activity_id   BIGINT NOT NULL REFERENCES activity (id),
  volunteer_id  BIGINT NOT NULL REFERENCES volunteer (id),
  PRIMARY KEY (activity_id, volunteer_id)
);
CREATE TABLE activity_skill (
  activity_id  BIGINT NOT NULL REFERENCES activity (id),
  skill        VARCHAR(40) NOT NULL,
  PRIMARY KEY (activity_id, skill)
);

CREATE TABLE attendance (
  activity_id    BIGINT NOT NULL REFERENCES activity (id),
  volunteer_id   BIGINT NOT NULL REFERENCES volunteer (id),
  signed_in      TIMESTAMPTZ NOT NULL,
  signed_out     TIMESTAMPTZ,
  in_lon         DOUBLE PRECISION,
  in_lat         DOUBLE PRECISION,
  out_lon        DOUBLE PRECISION,
  out_lat        DOUBLE PRECISION,
  signed_in_by   VARCHAR(100) NOT NULL,
  signed_out_by  VARCHAR(100),
  minutes        INTEGER,
  hours          NUMERIC(6, 1),
  PRIMARY KEY (activity_id, volunteer_id),
  CHECK (signed_out IS NULL OR signed_out >= signed_in)
);
CREATE INDEX attendance_volunteer_idx ON attendance (volunteer_id, signed_in);

CREATE SEQUENCE attendance_correction_seq INCREMENT BY 50;
CREATE TABLE attendance_correction (
  id                BIGINT PRIMARY KEY,
  activity_id       BIGINT NOT NULL,
  volunteer_id      BIGINT NOT NULL,
  before_signed_in  TIMESTAMPTZ,
  before_signed_out TIMESTAMPTZ,
  before_hours      NUMERIC(6, 1),
  signed_in         TIMESTAMPTZ NOT NULL,
  signed_out        TIMESTAMPTZ NOT NULL,
  hours             NUMERIC(6, 1) NOT NULL,
  reason            VARCHAR(500) NOT NULL,
  corrected_by      VARCHAR(100) NOT NULL,
  corrected_at      TIMESTAMPTZ NOT NULL,
  FOREIGN KEY (activity_id, volunteer_id) REFERENCES attendance (activity_id, volunteer_id)
);
CREATE INDEX attendance_correction_idx ON attendance_correction (activity_id, volunteer_id);

CREATE SEQUENCE volunteer_match_seq INCREMENT BY 50;
CREATE TABLE volunteer_match (
  id            BIGINT PRIMARY KEY,
  subject       VARCHAR(16) NOT NULL,
  subject_id    BIGINT      NOT NULL,
  volunteer_id  BIGINT      NOT NULL REFERENCES volunteer (id),
  recorded_by   VARCHAR(100) NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL,
  UNIQUE (subject, subject_id, volunteer_id)
);
