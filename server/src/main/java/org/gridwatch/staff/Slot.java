package org.gridwatch.staff;

/** The four places of a grid's roster (一员一警两队): one member, one officer, two teams. */
public enum Slot {
  GRID_MEMBER, POLICE_OFFICER, PATROL_TEAM, VOLUNTEER_TEAM;

  public boolean isTeam() { return this == PATROL_TEAM || this == VOLUNTEER_TEAM; }
}
