-- Part D's copy of part A's V19_1_1 (the same change), so that ORGANISATION_STAFF accounts can be stored before the
-- merge (the services tests act as organisation staff). It runs after V19_1_1 without harm; the integrator may delete it
-- once V19_1_1 is merged.
-- The roles of issue 14 (PROPERTY_STAFF, ORGANISATION_STAFF, SOCIAL_WORKER, VOLUNTEER) may be held by accounts:
-- V1's check named only the roles of its day.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check CHECK (role IN ('ADMIN', 'OPERATOR', 'PLANNER', 'POLICE',
  'GRID_WORKER', 'COMMUNITY_STAFF', 'SUBDISTRICT_STAFF', 'DEPARTMENT_STAFF', 'PROPERTY_STAFF', 'ORGANISATION_STAFF',
  'SOCIAL_WORKER', 'VOLUNTEER', 'RESIDENT'));
