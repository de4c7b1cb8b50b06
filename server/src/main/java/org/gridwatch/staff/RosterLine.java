package org.gridwatch.staff;

import java.time.Instant;

/**
 * One checked row of a roster file: a role in a grid ({@code role} set, {@code grid} set) or the unit a person works
 * for ({@code unitDuty} set, {@code unit} set). {@code code}/{@code name} are null for a team listed without members;
 * {@code team} is set for team roles only. {@code validFrom} is null when the file gives no date (then: the import's time).
 */
record RosterLine(int index, RoleType role, Duty unitDuty, String grid, String unit, String code, String name, String phone,
    String team, String teamName, Instant validFrom) {
  boolean inGrid() { return role != null; }
  boolean hasPerson() { return code != null; }

  /** The same holding whatever the dates: grid, role, person and team. */
  String holdingKey() { return grid + "|" + role + "|" + code + "|" + team; }
}
