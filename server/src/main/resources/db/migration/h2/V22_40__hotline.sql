-- Issue 17 part D: 12345 hotline work orders (工单) and their history. A ticket is received once per ticket_number
-- (request_hash decides whether a repeat is the same request); incident_id is null while it waits to be located.
CREATE TABLE hotline_ticket (
  ticket_number     VARCHAR(40)   PRIMARY KEY,
  request_hash      VARCHAR(64)   NOT NULL,
  received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  sign_by           TIMESTAMP WITH TIME ZONE NOT NULL,
  due_by            TIMESTAMP WITH TIME ZONE NOT NULL,
  request_type      VARCHAR(12)   NOT NULL,
  category_code     VARCHAR(30)   NOT NULL,
  content           VARCHAR(4000) NOT NULL,
  address           VARCHAR(200),
  -- sealed: never on a public read, never logged
  caller_name       VARCHAR(60),
  caller_phone      VARCHAR(30),
  -- the hotline stage: RECEIVED, SIGNED, RETURNED, REPLIED, VISITED (TO_LOCATE is derived: no case yet, not returned)
  status            VARCHAR(12)   NOT NULL,
  incident_id       BIGINT REFERENCES incident (id),
  case_public_id    VARCHAR(20),
  signed_at         TIMESTAMP WITH TIME ZONE,
  signed_late       BOOLEAN       NOT NULL DEFAULT FALSE,
  -- a pending request needing approval: RETURN (退单) or EXTEND (延期), with its reason and the asked-for due date
  pending           VARCHAR(8),
  pending_reason    VARCHAR(1000),
  pending_until     TIMESTAMP WITH TIME ZONE,
  returned_at       TIMESTAMP WITH TIME ZONE,
  return_reason     VARCHAR(1000),
  extensions        INT           NOT NULL DEFAULT 0,
  -- 回单: SOLVED, EXPLAINED, UNSOLVED
  replied_at        TIMESTAMP WITH TIME ZONE,
  reply_result      VARCHAR(10),
  reply_text        VARCHAR(2000),
  replies           INT           NOT NULL DEFAULT 0,
  -- 回访: SATISFIED, BASIC, DISSATISFIED (the latest); redos = times reopened as 重办 after a dissatisfied visit
  visited_at        TIMESTAMP WITH TIME ZONE,
  visit_result      VARCHAR(12),
  redos             INT           NOT NULL DEFAULT 0,
  synthetic         BOOLEAN       NOT NULL DEFAULT FALSE,
  version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX hotline_ticket_status_idx ON hotline_ticket (status, received_at);
CREATE INDEX hotline_ticket_incident_idx ON hotline_ticket (incident_id);

CREATE SEQUENCE hotline_event_seq START WITH 1;
CREATE TABLE hotline_event (
  id             BIGINT PRIMARY KEY,
  ticket_number  VARCHAR(40)   NOT NULL REFERENCES hotline_ticket (ticket_number),
  type           VARCHAR(20)   NOT NULL,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(60)   NOT NULL,
  note           VARCHAR(2000),
  until_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX hotline_event_ticket_idx ON hotline_event (ticket_number, id);
