-- The online half of OTO (issue 17): publications (政务社务公开, service guides, notices, results) for an audience
-- area, and one outbox for every outgoing message. The column comments are the contract between the parts; the
-- hotline's own tables and the notification subscriptions come in later versions (V22_*).

-- A publication. kind: GOVERNMENT_AFFAIRS (政务公开), COMMUNITY_AFFAIRS (社务公开), FINANCES (财务公开, a kind of
-- community affairs), SERVICE_GUIDE (办事指南; its details in service_guide), NOTICE (通知公告), CONSULTATION_RESULT
-- (a published decision), PROJECT_RESULT (a funded project's result). publisher_kind OFFICER | PROPERTY_COMPANY |
-- ORGANISATION; publisher_level the officer's level DISTRICT | SUBDISTRICT | COMMUNITY | GRID (区、街、居、格信息员),
-- null for the others; publisher_name the publishing office or company as shown to the public (never a person's
-- private data); organisation_id the organisation or property company (organisation.id) when one publishes;
-- created_by the account that wrote it. Audience: area_level DISTRICT | SUBDISTRICT | COMMUNITY | GRID and area_code
-- that area's code; a resident of area X sees every publication whose area is X or an area above X (a notice for a
-- community reaches every grid in it). valid_from/valid_to: the days (district's zone) it is current, valid_to null
-- = until withdrawn; outside them it is not shown. status: DRAFT → PENDING_REVIEW → PUBLISHED | REJECTED; PUBLISHED →
-- WITHDRAWN. A grid officer's, a property company's or an organisation's publication needs the community's review
-- (reviewed_by, reviewed_at, review_note); district, subdistrict and community officers publish directly.
-- title and body are stored as written and always shown as text (never as HTML). source_kind DECISION | PROJECT and
-- source_id: the decision (decision.id) or funded project (project.id) a result comes from. read_count: distinct
-- readers counted by the publication API.
CREATE SEQUENCE publication_seq INCREMENT BY 50;
CREATE TABLE publication (
  id               BIGINT PRIMARY KEY,
  kind             VARCHAR(24)   NOT NULL,
  title            VARCHAR(200)  NOT NULL,
  body             VARCHAR(20000) NOT NULL,
  publisher_kind   VARCHAR(20)   NOT NULL,
  publisher_level  VARCHAR(12),
  publisher_name   VARCHAR(200)  NOT NULL,
  organisation_id  BIGINT,
  created_by       VARCHAR(60)   NOT NULL,
  area_level       VARCHAR(12)   NOT NULL,
  area_code        VARCHAR(40)   NOT NULL,
  valid_from       DATE          NOT NULL,
  valid_to         DATE,
  status           VARCHAR(16)   NOT NULL,
  reviewed_by      VARCHAR(60),
  reviewed_at      TIMESTAMP WITH TIME ZONE,
  review_note      VARCHAR(1000),
  published_at     TIMESTAMP WITH TIME ZONE,
  source_kind      VARCHAR(12),
  source_id        BIGINT,
  read_count       BIGINT        NOT NULL DEFAULT 0,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX publication_area_idx ON publication (area_code, status, valid_from);

-- A service guide's details (办事指南), one per SERVICE_GUIDE publication: the item (事项), who is eligible, the
-- required materials (one per line), where (service_point.id), opening hours as text, fees, the time limit as text
-- (e.g. 5 个工作日), and the office's public contact phone (an office line, not a person's).
CREATE TABLE service_guide (
  publication_id   BIGINT PRIMARY KEY REFERENCES publication (id),
  item             VARCHAR(200)  NOT NULL,
  eligibility      VARCHAR(2000),
  materials        VARCHAR(4000),
  service_point_id BIGINT,
  hours            VARCHAR(400),
  fees             VARCHAR(400),
  time_limit       VARCHAR(200),
  contact_phone    VARCHAR(40)
);

-- A file attached to a publication: its name as uploaded, the content type it really is (checked against its bytes),
-- its size and SHA-256; file_key the path under the data directory where the bytes are (fsynced before this row
-- commits).
CREATE SEQUENCE publication_attachment_seq INCREMENT BY 50;
CREATE TABLE publication_attachment (
  id               BIGINT PRIMARY KEY,
  publication_id   BIGINT        NOT NULL REFERENCES publication (id),
  name             VARCHAR(200)  NOT NULL,
  content_type     VARCHAR(100)  NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  sha256           VARCHAR(64)   NOT NULL,
  file_key         VARCHAR(300)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX publication_attachment_pub_idx ON publication_attachment (publication_id);

-- One outbox for every outgoing message, written in the same transaction as the change it tells of.
-- template: what the message says, rendered in the recipient's language at delivery, e.g. CASE_DISPATCHED (to the
-- worker or unit), CASE_SUPERVISED (督办 to the unit), CASE_PROGRESS and CASE_VISIT (to the reporter or the case's
-- subscribers), AREA_NOTICE (a publication to the area's subscribers), HOTLINE_REPLY (回单 to the hotline).
-- recipient_kind: USER (recipient = username), UNIT (recipient = unit code: the unit's staff), REPORTER (recipient =
-- the case's public id: its reporter's sealed contact), CASE_SUBSCRIBERS (recipient = case public id), AREA_SUBSCRIBERS
-- (recipient = area code: the subscribers of that area and the areas inside it), ENDPOINT (recipient = a configured
-- webhook endpoint's name, e.g. hotline). A *_SUBSCRIBERS or UNIT message fans out into one child message per person
-- (parent_id) when it is delivered. channel: null = the recipient's own choice; else LOG, WEBHOOK or a vendor adapter's
-- name (SMS, WECHAT). params: a JSON object of the template's parameters (ids, codes, titles: never phones, ID numbers
-- or addresses of people). dedup_key: unique, the same event enqueued twice is one message. status: PENDING (waiting
-- for next_attempt_at), SENT, FANNED_OUT, FAILED (gave up after the last retry), SKIPPED (opted out, no address).
-- attempts and last_error (no personal data) record the tries; sent_at when delivered; delivered_via the channel used.
CREATE SEQUENCE outbox_seq INCREMENT BY 50;
CREATE TABLE outbox_message (
  id               BIGINT PRIMARY KEY,
  template         VARCHAR(40)   NOT NULL,
  recipient_kind   VARCHAR(20)   NOT NULL,
  recipient        VARCHAR(200)  NOT NULL,
  channel          VARCHAR(20),
  params           VARCHAR(8000) NOT NULL,
  dedup_key        VARCHAR(200)  NOT NULL UNIQUE,
  parent_id        BIGINT REFERENCES outbox_message (id),
  status           VARCHAR(12)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error       VARCHAR(400),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at          TIMESTAMP WITH TIME ZONE,
  delivered_via    VARCHAR(20)
);
CREATE INDEX outbox_due_idx ON outbox_message (status, next_attempt_at);
