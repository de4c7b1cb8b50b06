package org.gridwatch.staff;

/**
 * The four places of a grid's roster (一员一警两队): one member, one officer, two teams. A place is filled when
 * someone holds its {@link RoleType} (a full-time grid member, a community police officer, a patrol team, a
 * volunteer team); an empty place is a gap.
 */
public enum Slot {
  GRID_MEMBER, POLICE_OFFICER, PATROL_TEAM, VOLUNTEER_TEAM;

  public boolean isTeam() { return this == PATROL_TEAM || this == VOLUNTEER_TEAM; }
}
