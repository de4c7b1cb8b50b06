-- The community's actors (issue 14), the shared core every part of it builds on: organisations (social
-- organisations, property companies, service providers, law firms, units in the area), the areas they serve
-- (dated: compounds, grids or communities), the accounts that act for them, and volunteers / social workers.
-- Each capability adds its own columns and tables in later migrations (V19_n).
CREATE SEQUENCE organisation_seq INCREMENT BY 50;
CREATE TABLE organisation (
  id           BIGINT PRIMARY KEY,
  credit_code  VARCHAR(18)  NOT NULL UNIQUE,
  name         VARCHAR(100) NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL
);

-- Where an organisation serves, from a day to a day (valid_to null: still serving). area_kind COMPOUND names a
-- compound by its name, GRID and COMMUNITY an area by its code.
CREATE SEQUENCE organisation_service_area_seq INCREMENT BY 50;
CREATE TABLE organisation_service_area (
  id               BIGINT PRIMARY KEY,
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id),
  area_kind        VARCHAR(16)  NOT NULL,
  area_code        VARCHAR(100) NOT NULL,
  valid_from       DATE NOT NULL,
  valid_to         DATE
);
CREATE INDEX organisation_service_area_area_idx ON organisation_service_area (area_kind, area_code);

-- The accounts that act for an organisation (its staff; a property company's staff act on its compounds' cases).
CREATE TABLE organisation_staff (
  username         VARCHAR(40) PRIMARY KEY,
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id)
);

-- Volunteers and social workers (kind VOLUNTEER or SOCIAL_WORKER): the person's name and home grid here; their
-- registration details (encrypted ID number, skills, availability, star level, certificate) come with the part
-- that registers them. username: the account the person signs in with, if any.
CREATE SEQUENCE volunteer_seq INCREMENT BY 50;
CREATE TABLE volunteer (
  id          BIGINT PRIMARY KEY,
  kind        VARCHAR(16)  NOT NULL,
  name        VARCHAR(50)  NOT NULL,
  home_grid   VARCHAR(40),
  username    VARCHAR(40) UNIQUE,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX volunteer_home_grid_idx ON volunteer (home_grid);

-- A volunteer's skills as tags (e.g. 助餐, 上门探访, 法律咨询, 心理疏导) and when they are available: weekly windows
-- (weekday 1 = Monday … 7 = Sunday, local time of the district). Matching reads both.
CREATE TABLE volunteer_skill (
  volunteer_id  BIGINT NOT NULL REFERENCES volunteer (id),
  skill         VARCHAR(40) NOT NULL,
  PRIMARY KEY (volunteer_id, skill)
);
CREATE TABLE volunteer_availability (
  volunteer_id  BIGINT NOT NULL REFERENCES volunteer (id),
  weekday       SMALLINT NOT NULL,
  starts        TIME NOT NULL,
  ends          TIME NOT NULL
);
CREATE INDEX volunteer_availability_idx ON volunteer_availability (volunteer_id);
