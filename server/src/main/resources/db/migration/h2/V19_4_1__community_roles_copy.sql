-- Part D's copy of part A's V19_1_1 (the same change), so that ORGANISATION_STAFF accounts can be stored before the
-- merge (the services tests act as organisation staff). It runs after V19_1_1 without harm; the integrator may delete it
-- once V19_1_1 is merged.
-- The roles of issue 14 (PROPERTY_STAFF, ORGANISATION_STAFF, SOCIAL_WORKER, VOLUNTEER) may be held by accounts:
-- V1's check named only the roles of its day. H2 named that check itself, so the table is made again with the
-- full list (the same rows, the same keys).
CREATE TABLE app_user_role_v19 (
  user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE', 'GRID_WORKER',
                                               'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'PROPERTY_STAFF',
                                               'ORGANISATION_STAFF', 'SOCIAL_WORKER', 'VOLUNTEER', 'RESIDENT')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO app_user_role_v19 (user_id, role) SELECT user_id, role FROM app_user_role;
DROP TABLE app_user_role;
ALTER TABLE app_user_role_v19 RENAME TO app_user_role;
