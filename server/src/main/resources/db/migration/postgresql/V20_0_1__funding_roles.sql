-- The roles of issue 15: FUNDER (the civil-affairs bureau's staff who run rounds, approve, contract and publish
-- results) and REVIEWER (an expert who scores applications and checks evaluations). The check is named, so a later
-- migration can replace it.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE',
  'GRID_WORKER', 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'PROPERTY_STAFF', 'ORGANISATION_STAFF',
  'SOCIAL_WORKER', 'VOLUNTEER', 'FUNDER', 'REVIEWER', 'RESIDENT'));
