-- Camera type MINI_DOME (半球, a fixed mini-dome with its own field of view): the column is widened and its check
-- replaced (H2 names an inline check itself, so the column is rebuilt).
ALTER TABLE camera ADD COLUMN camera_type VARCHAR(10) DEFAULT 'FIXED' NOT NULL;
UPDATE camera SET camera_type = type;
ALTER TABLE camera DROP COLUMN type;
ALTER TABLE camera ALTER COLUMN camera_type RENAME TO type;
ALTER TABLE camera ALTER COLUMN type DROP DEFAULT;
ALTER TABLE camera ADD CONSTRAINT camera_type_check CHECK (type IN ('FIXED', 'PTZ', 'DOME', 'MINI_DOME'));

-- Issue 10 §8, Chinese practice.
-- Escalation policy per category: SUPERVISE (督办: the unit keeps a breached case, which counts against it) or
-- ESCALATE (automatic on breach); a notice the reporter reads in the answer to a report.
ALTER TABLE category ADD COLUMN escalation_policy VARCHAR(10) DEFAULT 'ESCALATE' NOT NULL;
ALTER TABLE category ADD CONSTRAINT category_escalation_policy_check CHECK (escalation_policy IN ('ESCALATE', 'SUPERVISE'));
ALTER TABLE category ADD COLUMN notice VARCHAR(200);
ALTER TABLE category ADD COLUMN notice_en VARCHAR(300);

-- 诉求类型 beside the category; a transfer to the police (110 or the station) with their reference; 督办.
ALTER TABLE incident ADD COLUMN request_type VARCHAR(12) DEFAULT 'HELP' NOT NULL;
ALTER TABLE incident ADD CONSTRAINT incident_request_type_check
  CHECK (request_type IN ('CONSULT', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE'));
UPDATE incident SET request_type = 'REPORT' WHERE kind = 'INCIDENT';
ALTER TABLE incident ADD COLUMN transferred_to VARCHAR(16);
ALTER TABLE incident ADD CONSTRAINT incident_transferred_to_check CHECK (transferred_to IN ('110', 'POLICE_STATION'));
ALTER TABLE incident ADD COLUMN transfer_reference VARCHAR(60);
ALTER TABLE incident ADD COLUMN supervised BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX incident_request_type_idx ON incident (request_type, reported_at);

-- A fight or theft in progress is for 110, not the grid: the category becomes the hazard (治安隐患).
UPDATE category SET name = '治安隐患', name_en = 'Public security hazard',
  description = 'Hazards to public order and safety: broken locks and lights, unsafe places, gatherings that may turn into trouble; the grid police officer checks them. A crime in progress is for 110.',
  default_priority = 'HIGH',
  notice = '如正在发生打架、盗窃等违法犯罪，请立即拨打110报警。',
  notice_en = 'If a fight, theft or other crime is happening now, call 110 at once.'
  WHERE code = 'PUBLIC_SECURITY';
UPDATE category_time_limit SET amount = 1, unit = 'WORKING_HOURS' WHERE category_code = 'PUBLIC_SECURITY' AND stage IN ('REGISTER', 'DISPATCH');

-- 法律咨询 (legal advice, answered in the community) is not 法律援助 (legal aid, a statutory programme referred to
-- the legal aid centre): the old code's cases become legal advice, and LEGAL_AID stays, inactive, as the referral.
INSERT INTO category (code, name, name_en, description, kind, default_priority, first_level, department_code, active, escalation_policy)
  SELECT 'LEGAL_ADVICE', '法律咨询', 'Legal advice', 'Legal questions answered by the community legal adviser', kind,
    default_priority, first_level, department_code, active, 'SUPERVISE' FROM category WHERE code = 'LEGAL_AID';
INSERT INTO category_time_limit (category_code, stage, amount, unit)
  SELECT 'LEGAL_ADVICE', stage, amount, unit FROM category_time_limit WHERE category_code = 'LEGAL_AID';
UPDATE incident SET category_code = 'LEGAL_ADVICE' WHERE category_code = 'LEGAL_AID';
UPDATE category SET name = '法律援助', name_en = 'Legal aid (referral)',
  description = 'Statutory legal aid for those who qualify: referred to the legal aid centre, not handled in the grid',
  active = FALSE WHERE code = 'LEGAL_AID';

UPDATE category SET escalation_policy = 'SUPERVISE' WHERE code IN ('NEIGHBOUR_DISPUTE', 'SANITATION', 'ROAD_NOT_CLEAN',
  'PROPERTY_MANAGEMENT', 'ELDERLY_CARE', 'HOUSEKEEPING', 'DELIVERY');
