-- The roles of issue 15: FUNDER (the civil-affairs bureau's staff who run rounds, approve, contract and publish
-- results) and REVIEWER (an expert who scores applications and checks evaluations). V19_1_1 left H2's check
-- unnamed, so the table is made again once more, this time with a named check a later migration can replace.
CREATE TABLE app_user_role_v20 (
  user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT app_user_role_role_check CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE', 'GRID_WORKER',
    'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'PROPERTY_STAFF', 'ORGANISATION_STAFF', 'SOCIAL_WORKER',
    'VOLUNTEER', 'FUNDER', 'REVIEWER', 'RESIDENT'))
);
INSERT INTO app_user_role_v20 (user_id, role) SELECT user_id, role FROM app_user_role;
DROP TABLE app_user_role;
ALTER TABLE app_user_role_v20 RENAME TO app_user_role;
