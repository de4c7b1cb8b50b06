-- Funded service projects driven by a needs map (issue 15): needs recorded by hand, funding rounds with weighted
-- review criteria, projects with their target areas (the service area is their union), tranches, reviews with
-- declared conflicts, evaluations, activity records and an audit trail. Money is NUMERIC yuan with fen.

-- A need recorded by hand (a survey, a council's topic, a visit): it stands beside the needs the cases show.
CREATE SEQUENCE need_record_seq INCREMENT BY 50;
CREATE TABLE need_record (
  id                 BIGINT PRIMARY KEY,
  area_code          VARCHAR(40)   NOT NULL,
  area_level         VARCHAR(12)   NOT NULL,
  category_code      VARCHAR(30)   NOT NULL REFERENCES category (code),
  source             VARCHAR(20)   NOT NULL,
  description        VARCHAR(2000) NOT NULL,
  evidence           VARCHAR(2000),
  residents_affected INTEGER CHECK (residents_affected IS NULL OR residents_affected >= 0),
  recorded_by        VARCHAR(100)  NOT NULL,
  recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic          BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX need_record_area_idx ON need_record (area_code, category_code);

-- A funding round: its phases are dates (needs collected until call_opens, call open until call_closes, review
-- until runs_from, projects run until runs_to).
CREATE SEQUENCE funding_round_seq INCREMENT BY 50;
CREATE TABLE funding_round (
  id            BIGINT PRIMARY KEY,
  fiscal_year   SMALLINT      NOT NULL,
  kind          VARCHAR(32)   NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  budget        NUMERIC(14,2) NOT NULL CHECK (budget > 0),
  needs_from    DATE NOT NULL,
  call_opens    DATE NOT NULL,
  call_closes   DATE NOT NULL,
  runs_from     DATE NOT NULL,
  runs_to       DATE NOT NULL,
  min_reviewers SMALLINT NOT NULL DEFAULT 3 CHECK (min_reviewers > 0),
  created_by    VARCHAR(100)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic     BOOLEAN NOT NULL DEFAULT FALSE,
  CONSTRAINT funding_round_title_key UNIQUE (fiscal_year, title),
  CHECK (needs_from <= call_opens AND call_opens <= call_closes AND call_closes < runs_from AND runs_from < runs_to)
);

-- Review criteria of a round; weights add up to 100.
CREATE TABLE round_criterion (
  round_id  BIGINT        NOT NULL REFERENCES funding_round (id),
  code      VARCHAR(40)   NOT NULL,
  name      VARCHAR(100)  NOT NULL,
  weight    NUMERIC(5,2)  NOT NULL CHECK (weight > 0),
  sort_order SMALLINT     NOT NULL,
  PRIMARY KEY (round_id, code)
);

CREATE SEQUENCE project_seq INCREMENT BY 50;
CREATE TABLE project (
  id                     BIGINT PRIMARY KEY,
  round_id               BIGINT        NOT NULL REFERENCES funding_round (id),
  title                  VARCHAR(200)  NOT NULL,
  summary                VARCHAR(4000),
  status                 VARCHAR(20)   NOT NULL,
  provider_id            BIGINT        NOT NULL REFERENCES organisation (id),
  lead_social_worker_id  BIGINT        REFERENCES volunteer (id),
  target_groups          VARCHAR(200)  NOT NULL,
  budget                 NUMERIC(14,2) NOT NULL CHECK (budget > 0),
  kpi_beneficiaries      INTEGER       NOT NULL CHECK (kpi_beneficiaries >= 0),
  kpi_sessions           INTEGER       NOT NULL CHECK (kpi_sessions >= 0),
  kpi_satisfaction       NUMERIC(4,1)  NOT NULL CHECK (kpi_satisfaction >= 0 AND kpi_satisfaction <= 100),
  service_area           GEOMETRY(MULTIPOLYGON, 4326) NOT NULL,
  rectification_used     BOOLEAN       NOT NULL DEFAULT FALSE,
  started_on             DATE,
  ended_on               DATE,
  applied_by             VARCHAR(100)  NOT NULL,
  applied_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  version                INTEGER       NOT NULL,
  synthetic              BOOLEAN NOT NULL DEFAULT FALSE,
  CONSTRAINT project_title_key UNIQUE (round_id, title)
);
CREATE INDEX project_round_idx ON project (round_id, status);
CREATE INDEX project_provider_idx ON project (provider_id);

-- The request categories a project answers (what the needs map and unmet demand read) and the recorded needs it names.
CREATE TABLE project_category (
  project_id    BIGINT      NOT NULL REFERENCES project (id),
  category_code VARCHAR(30) NOT NULL REFERENCES category (code),
  PRIMARY KEY (project_id, category_code)
);
CREATE TABLE project_need (
  project_id BIGINT NOT NULL REFERENCES project (id),
  need_id    BIGINT NOT NULL REFERENCES need_record (id),
  PRIMARY KEY (project_id, need_id)
);
-- Target areas: grids or communities (their union is project.service_area).
CREATE TABLE project_area (
  project_id BIGINT      NOT NULL REFERENCES project (id),
  area_code  VARCHAR(40) NOT NULL,
  area_level VARCHAR(12) NOT NULL,
  PRIMARY KEY (project_id, area_code)
);
CREATE INDEX project_area_code_idx ON project_area (area_code);

-- The budget in tranches: each is released on a step (CONTRACT, MIDTERM, FINAL); status PENDING, RELEASED or STOPPED;
-- reopened marks a stopped tranche that a passed rectification reopened.
CREATE TABLE project_tranche (
  project_id  BIGINT        NOT NULL REFERENCES project (id),
  seq         SMALLINT      NOT NULL,
  amount      NUMERIC(14,2) NOT NULL CHECK (amount > 0),
  released_on VARCHAR(12)   NOT NULL,
  status      VARCHAR(10)   NOT NULL,
  reopened    BOOLEAN       NOT NULL DEFAULT FALSE,
  changed_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (project_id, seq)
);

-- One reviewer's scores of one application, every criterion of the round; total is the weighted sum (0..100).
CREATE SEQUENCE project_review_seq INCREMENT BY 50;
CREATE TABLE project_review (
  id          BIGINT PRIMARY KEY,
  project_id  BIGINT        NOT NULL REFERENCES project (id),
  reviewer    VARCHAR(100)  NOT NULL,
  total       NUMERIC(6,2)  NOT NULL,
  note        VARCHAR(2000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT project_review_once UNIQUE (project_id, reviewer)
);
CREATE TABLE project_review_score (
  review_id      BIGINT       NOT NULL REFERENCES project_review (id),
  criterion_code VARCHAR(40)  NOT NULL,
  score          NUMERIC(5,2) NOT NULL CHECK (score >= 0 AND score <= 100),
  PRIMARY KEY (review_id, criterion_code)
);
-- A conflict of interest a reviewer declared on an application: they may not score it.
CREATE TABLE review_conflict (
  project_id  BIGINT        NOT NULL REFERENCES project (id),
  reviewer    VARCHAR(100)  NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (project_id, reviewer)
);

-- Evaluations: per stage (MIDTERM, FINAL) and attempt (2 = after rectification): the provider's self-report, the
-- reviewer's check (methods: DOCUMENTS, PHONE, SITE_VISIT, comma separated) and the published result (PASS, RECTIFY, FAIL).
CREATE SEQUENCE project_evaluation_seq INCREMENT BY 50;
CREATE TABLE project_evaluation (
  id             BIGINT PRIMARY KEY,
  project_id     BIGINT        NOT NULL REFERENCES project (id),
  stage          VARCHAR(10)   NOT NULL,
  attempt        SMALLINT      NOT NULL,
  self_report    VARCHAR(4000) NOT NULL,
  beneficiaries  INTEGER       NOT NULL CHECK (beneficiaries >= 0),
  sessions       INTEGER       NOT NULL CHECK (sessions >= 0),
  satisfaction   NUMERIC(4,1)  CHECK (satisfaction IS NULL OR (satisfaction >= 0 AND satisfaction <= 100)),
  reported_by    VARCHAR(100)  NOT NULL,
  reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  check_methods  VARCHAR(100),
  check_note     VARCHAR(4000),
  checked_by     VARCHAR(100),
  checked_at     TIMESTAMP WITH TIME ZONE,
  result         VARCHAR(10),
  result_note    VARCHAR(2000),
  published_by   VARCHAR(100),
  published_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT project_evaluation_attempt_key UNIQUE (project_id, stage, attempt)
);

-- What a running project did: an activity at a place on a day, with participants and volunteers; whether its point
-- lies inside the project's service area is stored (an activity outside is kept, with a warning, and not counted as reach).
CREATE SEQUENCE project_activity_seq INCREMENT BY 50;
CREATE TABLE project_activity (
  id                   BIGINT PRIMARY KEY,
  project_id           BIGINT        NOT NULL REFERENCES project (id),
  title                VARCHAR(200)  NOT NULL,
  held_on              DATE          NOT NULL,
  place                VARCHAR(200),
  lon                  DOUBLE PRECISION NOT NULL,
  lat                  DOUBLE PRECISION NOT NULL,
  grid_code            VARCHAR(40),
  inside_service_area  BOOLEAN       NOT NULL,
  participants         INTEGER       NOT NULL CHECK (participants >= 0),
  volunteers           INTEGER       NOT NULL CHECK (volunteers >= 0),
  recorded_by          VARCHAR(100)  NOT NULL,
  recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic            BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX project_activity_project_idx ON project_activity (project_id, held_on);
-- Known participants, as a keyed hash of who they are (never the identity itself): residents reached counts these uniquely.
CREATE TABLE project_activity_person (
  activity_id BIGINT      NOT NULL REFERENCES project_activity (id),
  person_key  VARCHAR(64) NOT NULL,
  PRIMARY KEY (activity_id, person_key)
);
CREATE SEQUENCE project_activity_photo_seq INCREMENT BY 50;
CREATE TABLE project_activity_photo (
  id           BIGINT PRIMARY KEY,
  activity_id  BIGINT       NOT NULL REFERENCES project_activity (id),
  content_type VARCHAR(40)  NOT NULL,
  content      BLOB         NOT NULL,
  thumbnail    BLOB         NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX project_activity_photo_idx ON project_activity_photo (activity_id);

-- The audit trail of a project: every action, who took it in what role, from and to which status.
CREATE SEQUENCE project_event_seq INCREMENT BY 50;
CREATE TABLE project_event (
  id          BIGINT PRIMARY KEY,
  project_id  BIGINT       NOT NULL REFERENCES project (id),
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  action      VARCHAR(30)  NOT NULL,
  from_status VARCHAR(20),
  to_status   VARCHAR(20),
  actor       VARCHAR(100) NOT NULL,
  actor_role  VARCHAR(20)  NOT NULL,
  note        VARCHAR(2000)
);
CREATE INDEX project_event_project_idx ON project_event (project_id, at);
