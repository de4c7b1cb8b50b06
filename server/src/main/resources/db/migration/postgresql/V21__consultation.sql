-- Consultation and self-governance (issue 16): bodies with their members, terms and rules; party members and 双报到;
-- the 三事制 meeting loop (topics → meetings → decisions → tasks → supervision); cases convened into consultation
-- (their handling clock paused); mediation of disputes. The column comments are the contract between the parts.

-- A case in consultation (IN_CONSULTATION, 15 characters) needs wider status columns.
ALTER TABLE incident ALTER COLUMN status TYPE VARCHAR(20);
ALTER TABLE incident_event ALTER COLUMN from_status TYPE VARCHAR(20);
ALTER TABLE incident_event ALTER COLUMN to_status TYPE VARCHAR(20);
-- paused_at: when the case went into consultation (null when not paused); paused_from: the status it left, which a
-- resume returns it to; paused_minutes: the working minutes (calendar minutes for a calendar-unit limit) paused so far
-- in total, by which its deadline moved; settled_in_grid: a dispute settled inside its grid by mediation or by a grid
-- or compound council's agreement (纠纷不出网格), null when never settled so.
ALTER TABLE incident ADD COLUMN paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN paused_from VARCHAR(20);
ALTER TABLE incident ADD COLUMN paused_minutes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN settled_in_grid BOOLEAN;
DROP INDEX incident_queue_idx;
CREATE INDEX incident_queue_idx ON incident (deadline, id)
  WHERE status IN ('REPORTED', 'REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'RETURNED', 'PARKED', 'IN_CONSULTATION');

-- A body of self-governance or of the party. kind: RESIDENTS_CONGRESS, RESIDENTS_COMMITTEE, SUPERVISION_COMMITTEE,
-- GRID_COUNCIL, COMPOUND_COUNCIL, PARTY_COMMITTEE, PARTY_BRANCH, PARTY_GROUP. area_kind COMMUNITY | GRID | COMPOUND,
-- area_code the community's or grid's code or the compound's name; community_code the community the area lies in;
-- grid_code the grid (for a compound: the grid it belongs to), null for a community body. parent_id: the party
-- organisation above (branch → committee, group → branch). Rules: quorum and pass_by MORE_THAN_HALF | TWO_THIRDS;
-- pass_base PRESENT (share of the voting members present) | ALL_MEMBERS (share of all voting members in term);
-- consensus_allowed: a decision may be recorded as consensus instead of a vote. dissolved_on: the last day, or null.
CREATE SEQUENCE body_seq INCREMENT BY 50;
CREATE TABLE body (
  id                BIGINT PRIMARY KEY,
  kind              VARCHAR(24)  NOT NULL,
  name              VARCHAR(200) NOT NULL,
  area_kind         VARCHAR(12)  NOT NULL,
  area_code         VARCHAR(200) NOT NULL,
  community_code    VARCHAR(40)  NOT NULL,
  grid_code         VARCHAR(40),
  parent_id         BIGINT REFERENCES body (id),
  quorum            VARCHAR(16)  NOT NULL,
  pass_by           VARCHAR(16)  NOT NULL,
  pass_base         VARCHAR(16)  NOT NULL,
  consensus_allowed BOOLEAN      NOT NULL DEFAULT TRUE,
  constituted_on    DATE         NOT NULL,
  dissolved_on      DATE,
  created_by        VARCHAR(100) NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic         BOOLEAN      NOT NULL DEFAULT FALSE,
  version           INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT body_area_key UNIQUE (kind, area_kind, area_code, name),
  CHECK (dissolved_on IS NULL OR dissolved_on >= constituted_on)
);
CREATE INDEX body_community_idx ON body (community_code, kind);
CREATE INDEX body_grid_idx ON body (grid_code);

-- A party member (党员), registered with their party organisation (a PARTY_* body). dual_report: 双报到, employed
-- elsewhere and reporting to their home community (home_community_code) since reported_on, with the service they
-- signed up for (service, a tag such as 助老, 环境整治, 法律咨询). phone sealed (privacy/PersonalData), person_hash a
-- keyed hash of name + phone, so the same person twice is a 409.
CREATE SEQUENCE party_member_seq INCREMENT BY 50;
CREATE TABLE party_member (
  id                  BIGINT PRIMARY KEY,
  name                VARCHAR(50)  NOT NULL,
  body_id             BIGINT       NOT NULL REFERENCES body (id),
  phone_sealed        VARCHAR(400),
  person_hash         VARCHAR(100) NOT NULL UNIQUE,
  home_community_code VARCHAR(40)  NOT NULL,
  home_grid_code      VARCHAR(40),
  employer            VARCHAR(200),
  dual_report         BOOLEAN      NOT NULL DEFAULT FALSE,
  reported_on         DATE,
  service             VARCHAR(40),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX party_member_body_idx ON party_member (body_id);
CREATE INDEX party_member_home_idx ON party_member (home_community_code);

-- A member of a body for a term [term_from, term_to] (term_to inclusive, null: open). role CHAIR, DEPUTY_CHAIR,
-- SECRETARY, DEPUTY_SECRETARY, MEMBER, REPRESENTATIVE; voting: whether they vote. The person may be a party member,
-- a volunteer, a staff account (username) or speak for an organisation (a property company, a unit in the area).
CREATE SEQUENCE body_member_seq INCREMENT BY 50;
CREATE TABLE body_member (
  id              BIGINT PRIMARY KEY,
  body_id         BIGINT       NOT NULL REFERENCES body (id),
  name            VARCHAR(50)  NOT NULL,
  role            VARCHAR(20)  NOT NULL,
  voting          BOOLEAN      NOT NULL DEFAULT TRUE,
  term_from       DATE         NOT NULL,
  term_to         DATE,
  phone_sealed    VARCHAR(400),
  party_member_id BIGINT REFERENCES party_member (id),
  volunteer_id    BIGINT REFERENCES volunteer (id),
  username        VARCHAR(100),
  organisation_id BIGINT REFERENCES organisation (id),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic       BOOLEAN      NOT NULL DEFAULT FALSE,
  CHECK (term_to IS NULL OR term_to >= term_from)
);
CREATE INDEX body_member_body_idx ON body_member (body_id);

-- A topic (议题). source RESIDENT_PROPOSAL (proposer, with supporters) | CASES (one or more cases, topic_case) | NEED
-- (need_id) | BODY (raised by source_body_id). body_id: the body that takes it up. status PROPOSED → ACCEPTED |
-- DECLINED (decline_reason) → DECIDED (a decision adopted) | NOT_AGREED (a decision voted down) → CARRIED_OUT (every task
-- of its decision verified) → CHECKED (the supervision committee checked the result). Its place: lon/lat (the cases'
-- or the proposer's point, else the area's interior point), grid_code and community_code.
CREATE SEQUENCE topic_seq INCREMENT BY 50;
CREATE TABLE topic (
  id              BIGINT PRIMARY KEY,
  title           VARCHAR(200)  NOT NULL,
  description     VARCHAR(4000),
  source          VARCHAR(20)   NOT NULL,
  body_id         BIGINT        NOT NULL REFERENCES body (id),
  source_body_id  BIGINT REFERENCES body (id),
  need_id         BIGINT REFERENCES need_record (id),
  proposer_name   VARCHAR(50),
  proposer_account VARCHAR(100),
  status          VARCHAR(16)   NOT NULL,
  decline_reason  VARCHAR(2000),
  lon             DOUBLE PRECISION NOT NULL,
  lat             DOUBLE PRECISION NOT NULL,
  grid_code       VARCHAR(40),
  community_code  VARCHAR(40)   NOT NULL,
  created_by      VARCHAR(100)  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at      TIMESTAMP WITH TIME ZONE,
  done_at         TIMESTAMP WITH TIME ZONE,
  synthetic       BOOLEAN       NOT NULL DEFAULT FALSE,
  version         INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX topic_community_idx ON topic (community_code, status);
CREATE INDEX topic_body_idx ON topic (body_id);

-- Residents supporting a proposal (附议): one row per person; account when signed in (unique per topic).
CREATE TABLE topic_supporter (
  topic_id     BIGINT       NOT NULL REFERENCES topic (id),
  name         VARCHAR(50)  NOT NULL,
  account      VARCHAR(100),
  supported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT topic_supporter_key UNIQUE (topic_id, account)
);
CREATE INDEX topic_supporter_idx ON topic_supporter (topic_id);

-- The cases a topic comes from or took in by `convene`; a case is in at most one topic at a time (released when
-- resumed: released_at).
CREATE TABLE topic_case (
  topic_id    BIGINT NOT NULL REFERENCES topic (id),
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by   VARCHAR(100) NOT NULL,
  released_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (topic_id, incident_id)
);
CREATE INDEX topic_case_incident_idx ON topic_case (incident_id);

-- A meeting of a body. Place: a service point (service_point_id) or a named place; lon/lat, grid_code and
-- community_code always set. status PLANNED | HELD | CANCELLED. quorum_met: set when attendance is recorded
-- (null before); attendees: everyone present (members and invited residents/parties) for attendance per household.
CREATE SEQUENCE meeting_seq INCREMENT BY 50;
CREATE TABLE meeting (
  id               BIGINT PRIMARY KEY,
  body_id          BIGINT        NOT NULL REFERENCES body (id),
  title            VARCHAR(200)  NOT NULL,
  starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at          TIMESTAMP WITH TIME ZONE,
  service_point_id BIGINT REFERENCES service_point (id),
  place_name       VARCHAR(200)  NOT NULL,
  lon              DOUBLE PRECISION NOT NULL,
  lat              DOUBLE PRECISION NOT NULL,
  grid_code        VARCHAR(40),
  community_code   VARCHAR(40)   NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  quorum_met       BOOLEAN,
  attendees        INTEGER CHECK (attendees IS NULL OR attendees >= 0),
  minutes          VARCHAR(8000),
  created_by       VARCHAR(100)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic        BOOLEAN       NOT NULL DEFAULT FALSE,
  version          INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX meeting_community_idx ON meeting (community_code, starts_at);
CREATE INDEX meeting_body_idx ON meeting (body_id);

-- The agenda: the topics a meeting takes up, in order.
CREATE TABLE meeting_topic (
  meeting_id BIGINT   NOT NULL REFERENCES meeting (id),
  topic_id   BIGINT   NOT NULL REFERENCES topic (id),
  sort_order SMALLINT NOT NULL,
  PRIMARY KEY (meeting_id, topic_id)
);

-- Parties invited: party_kind RESIDENT | PROPERTY_COMPANY | DEPARTMENT | ORGANISATION | BODY; organisation_id,
-- department_code or body_id when it is one of those; present: whether they came (null until attendance).
CREATE SEQUENCE meeting_invitee_seq INCREMENT BY 50;
CREATE TABLE meeting_invitee (
  id              BIGINT PRIMARY KEY,
  meeting_id      BIGINT       NOT NULL REFERENCES meeting (id),
  party_kind      VARCHAR(20)  NOT NULL,
  name            VARCHAR(200) NOT NULL,
  organisation_id BIGINT REFERENCES organisation (id),
  department_code VARCHAR(40),
  body_id         BIGINT REFERENCES body (id),
  present         BOOLEAN
);
CREATE INDEX meeting_invitee_idx ON meeting_invitee (meeting_id);

-- Which members of the body were present (members in term on the meeting's day only).
CREATE TABLE meeting_attendance (
  meeting_id BIGINT  NOT NULL REFERENCES meeting (id),
  member_id  BIGINT  NOT NULL REFERENCES body_member (id),
  present    BOOLEAN NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

-- A decision (定事) on a topic at a meeting that had its quorum. method VOTE | CONSENSUS; the counts are those of
-- decision_vote (for a vote); adopted per the body's rule (pass_by over pass_base). decided_by: the body's name then.
-- published_at: when it was published (a public read), null before.
CREATE SEQUENCE decision_seq INCREMENT BY 50;
CREATE TABLE decision (
  id            BIGINT PRIMARY KEY,
  meeting_id    BIGINT        NOT NULL REFERENCES meeting (id),
  topic_id      BIGINT        NOT NULL REFERENCES topic (id),
  text          VARCHAR(4000) NOT NULL,
  method        VARCHAR(12)   NOT NULL,
  votes_for     INTEGER       NOT NULL DEFAULT 0,
  votes_against INTEGER       NOT NULL DEFAULT 0,
  abstentions   INTEGER       NOT NULL DEFAULT 0,
  adopted       BOOLEAN       NOT NULL,
  decided_by    VARCHAR(200)  NOT NULL,
  recorded_by   VARCHAR(100)  NOT NULL,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at  TIMESTAMP WITH TIME ZONE,
  synthetic     BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT decision_topic_key UNIQUE (meeting_id, topic_id)
);
CREATE INDEX decision_topic_idx ON decision (topic_id);

-- One vote per member: choice FOR | AGAINST | ABSTAIN.
CREATE TABLE decision_vote (
  decision_id BIGINT      NOT NULL REFERENCES decision (id),
  member_id   BIGINT      NOT NULL REFERENCES body_member (id),
  choice      VARCHAR(8)  NOT NULL,
  PRIMARY KEY (decision_id, member_id)
);

-- A task (干事) carrying out an adopted decision. owner_kind PERSON | TEAM | PROPERTY_COMPANY | ORGANISATION;
-- owner_name always, owner_ref the member/volunteer/organisation id when known. due_on: the last day (overdue after
-- it while not DONE/VERIFIED). status OPEN → DONE (reported done, with evidence) → VERIFIED (by community staff), or
-- back to OPEN (rejected, note). lon/lat: where the work is (defaults to the topic's place).
CREATE SEQUENCE task_seq INCREMENT BY 50;
CREATE TABLE task (
  id          BIGINT PRIMARY KEY,
  decision_id BIGINT        NOT NULL REFERENCES decision (id),
  title       VARCHAR(200)  NOT NULL,
  owner_kind  VARCHAR(20)   NOT NULL,
  owner_name  VARCHAR(200)  NOT NULL,
  owner_ref   BIGINT,
  due_on      DATE          NOT NULL,
  status      VARCHAR(12)   NOT NULL,
  lon         DOUBLE PRECISION NOT NULL,
  lat         DOUBLE PRECISION NOT NULL,
  done_at     TIMESTAMP WITH TIME ZONE,
  verified_at TIMESTAMP WITH TIME ZONE,
  verified_by VARCHAR(100),
  created_by  VARCHAR(100)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  synthetic   BOOLEAN       NOT NULL DEFAULT FALSE,
  version     INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX task_decision_idx ON task (decision_id);
CREATE INDEX task_open_idx ON task (status, due_on);

-- Evidence of a task: a note and/or a photo (JPEG/PNG, thumbnail made on upload).
CREATE SEQUENCE task_evidence_seq INCREMENT BY 50;
CREATE TABLE task_evidence (
  id           BIGINT PRIMARY KEY,
  task_id      BIGINT        NOT NULL REFERENCES task (id),
  note         VARCHAR(2000),
  content_type VARCHAR(40),
  content      BYTEA,
  thumbnail    BYTEA,
  added_by     VARCHAR(100)  NOT NULL,
  added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_evidence_idx ON task_evidence (task_id);

-- The supervision committee's check of a topic's result: by a member of the SUPERVISION_COMMITTEE of the community
-- (member_id), result SATISFACTORY | UNSATISFACTORY, note; recorded by a staff account.
CREATE SEQUENCE supervision_seq INCREMENT BY 50;
CREATE TABLE supervision (
  id          BIGINT PRIMARY KEY,
  topic_id    BIGINT        NOT NULL REFERENCES topic (id),
  member_id   BIGINT        NOT NULL REFERENCES body_member (id),
  result      VARCHAR(16)   NOT NULL,
  note        VARCHAR(2000),
  checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(100)  NOT NULL
);
CREATE INDEX supervision_topic_idx ON supervision (topic_id);

-- A mediation (人民调解) of a dispute case. dispute_type NOISE | WATER_LEAK | PARKING | SHARED_SPACE | PETS |
-- PROPERTY_LINE | FAMILY | DEBT | OTHER. mediator_kind PEOPLES_MEDIATOR | VOLUNTEER | LAWYER (mediator_volunteer_id or
-- mediator_organisation_id, the law firm, when known). level GRID | COMMUNITY | SUBDISTRICT: where it was mediated
-- (a settlement at GRID keeps the dispute in the grid). status OPEN → SETTLED (agreement 调解协议, signed on) |
-- NOT_SETTLED (outcome LITIGATION | ARBITRATION | PETITION). follow_up_due: 30 days after settling; followed_up_on,
-- follow_up_result HOLDING | BROKEN and its note when the visit is made.
CREATE SEQUENCE mediation_seq INCREMENT BY 50;
CREATE TABLE mediation (
  id                       BIGINT PRIMARY KEY,
  incident_id              BIGINT        NOT NULL UNIQUE REFERENCES incident (id),
  dispute_type             VARCHAR(16)   NOT NULL,
  mediator_kind            VARCHAR(20)   NOT NULL,
  mediator_name            VARCHAR(50)   NOT NULL,
  mediator_volunteer_id    BIGINT REFERENCES volunteer (id),
  mediator_organisation_id BIGINT REFERENCES organisation (id),
  level                    VARCHAR(12)   NOT NULL,
  status                   VARCHAR(12)   NOT NULL,
  outcome                  VARCHAR(12),
  agreement                VARCHAR(4000),
  agreement_signed_on      DATE,
  follow_up_due            DATE,
  followed_up_on           DATE,
  follow_up_result         VARCHAR(10),
  follow_up_note           VARCHAR(2000),
  grid_code                VARCHAR(40)   NOT NULL,
  community_code           VARCHAR(40)   NOT NULL,
  opened_by                VARCHAR(100)  NOT NULL,
  opened_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at                TIMESTAMP WITH TIME ZONE,
  synthetic                BOOLEAN       NOT NULL DEFAULT FALSE,
  version                  INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX mediation_community_idx ON mediation (community_code, opened_at);

-- The parties of a mediation: role APPLICANT | RESPONDENT, name, phone sealed.
CREATE TABLE mediation_party (
  mediation_id BIGINT       NOT NULL REFERENCES mediation (id),
  sort_order   SMALLINT     NOT NULL,
  role         VARCHAR(12)  NOT NULL,
  name         VARCHAR(50)  NOT NULL,
  phone_sealed VARCHAR(400),
  PRIMARY KEY (mediation_id, sort_order)
);

-- A mediation session: when, where (a service point, e.g. a 调解室, or a named place), a note.
CREATE SEQUENCE mediation_session_seq INCREMENT BY 50;
CREATE TABLE mediation_session (
  id               BIGINT PRIMARY KEY,
  mediation_id     BIGINT        NOT NULL REFERENCES mediation (id),
  held_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  service_point_id BIGINT REFERENCES service_point (id),
  place_name       VARCHAR(200),
  note             VARCHAR(2000),
  recorded_by      VARCHAR(100)  NOT NULL
);
CREATE INDEX mediation_session_idx ON mediation_session (mediation_id);
