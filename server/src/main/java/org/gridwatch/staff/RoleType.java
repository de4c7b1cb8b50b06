package org.gridwatch.staff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The role a person (or a team) holds in a grid. Several people may hold the same role in a grid and a person may hold
 * roles in several grids. Four roles fill the places of "一员一警两队" ({@link Slot}): the full-time grid member, the
 * community police officer, the patrol team and the volunteer team; the others (grid head, instructor, specialist and
 * part-time members, auxiliary officers) are listed with the grid but do not make it complete.
 */
public enum RoleType {
  GRID_HEAD("网格长", "grid head", null, Duty.GRID_MEMBER),
  GRID_INSTRUCTOR("网格指导员", "grid instructor", null, Duty.GRID_MEMBER),
  FULL_TIME_MEMBER("专职网格员", "full-time grid member", Slot.GRID_MEMBER, Duty.GRID_MEMBER),
  SPECIALIST_MEMBER("专业网格员", "specialist grid member", null, Duty.GRID_MEMBER),
  PART_TIME_MEMBER("兼职网格员", "part-time grid member", null, Duty.GRID_MEMBER),
  COMMUNITY_OFFICER("社区民警", "community police officer", Slot.POLICE_OFFICER, Duty.POLICE_OFFICER),
  AUXILIARY_OFFICER("辅警", "auxiliary police officer", null, Duty.POLICE_OFFICER),
  PATROL_TEAM("巡防队", "patrol team", Slot.PATROL_TEAM, Duty.GRID_MEMBER),
  VOLUNTEER_TEAM("志愿服务队", "volunteer team", Slot.VOLUNTEER_TEAM, Duty.GRID_MEMBER);

  private final String zh;
  private final String en;
  private final Slot slot;
  private final Duty duty;

  RoleType(String zh, String en, Slot slot, Duty duty) {
    this.zh = zh;
    this.en = en;
    this.slot = slot;
    this.duty = duty;
  }

  public String zh() { return zh; }
  public String en() { return en; }

  /** The place of 一员一警两队 this role fills, if any. */
  public Optional<Slot> slot() { return Optional.ofNullable(slot); }

  /** A team role: the row names a team, and perhaps one of its members. */
  public boolean isTeam() { return this == PATROL_TEAM || this == VOLUNTEER_TEAM; }

  /** The duty of a person holding this role (what they may act on: grid cases, or police cases of the grid). */
  Duty duty() { return duty; }

  /** Whether a person holding this role acts on the grid's cases (its scope includes the grid). */
  boolean actsOnGrid() { return !isTeam(); }

  /** The role named by its code ({@code FULL_TIME_MEMBER}), Chinese name (专职网格员) or English name, any case. */
  static Optional<RoleType> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip();
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(t) || r.zh.equals(t)
        || r.en.equalsIgnoreCase(t) || r.name().replace('_', ' ').equalsIgnoreCase(t)
        || t.toUpperCase(Locale.ROOT).replace(' ', '_').equals(r.name())).findFirst();
  }

  /** The role a grid member, officer or team of the old four slots now holds. */
  static RoleType of(Slot slot) {
    return switch (slot) {
      case GRID_MEMBER -> FULL_TIME_MEMBER;
      case POLICE_OFFICER -> COMMUNITY_OFFICER;
      case PATROL_TEAM -> PATROL_TEAM;
      case VOLUNTEER_TEAM -> VOLUNTEER_TEAM;
    };
  }
}
