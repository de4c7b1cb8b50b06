package org.gridwatch.organisation;

/**
 * Who is asking, as far as organisations go: {@link Reach#ALL} for ADMIN and PLANNER (read and write any);
 * {@link Reach#AREA} for community and subdistrict staff (read and write inside their unit, {@code unitCode}, as the
 * roster gives it); {@link Reach#OWN} for the staff of an organisation (read their own, {@code organisationId});
 * {@link Reach#NONE} for anyone else.
 */
record Caller(String username, Reach reach, String unitCode, Long organisationId) {
  enum Reach { ALL, AREA, OWN, NONE }

  boolean writes() { return reach == Reach.ALL || reach == Reach.AREA; }
}
