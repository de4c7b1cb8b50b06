package org.gridwatch.security;

/** What a user may do. Each maps to the Spring Security authority {@code ROLE_<name>}. */
public enum Role {
  ADMIN, OPERATOR, PLANNER, POLICE, GRID_WORKER
}
