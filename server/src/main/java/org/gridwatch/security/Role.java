package org.gridwatch.security;

/**
 * What a user may do. Each maps to the Spring Security authority {@code ROLE_<name>}. Which areas a staff
 * role may act in comes from the staff roster (the person linked to the account), not from the role.
 */
public enum Role {
  ADMIN, OPERATOR, PLANNER, POLICE, GRID_WORKER, COMMUNITY_STAFF, SUBDISTRICT_STAFF, DEPARTMENT_STAFF, RESIDENT
}
