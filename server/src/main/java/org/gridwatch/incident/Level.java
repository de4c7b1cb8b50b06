package org.gridwatch.incident;

/**
 * Levels of bottom-up handling: the property company of the compound (物业, only for property-first categories in a
 * served compound) → grid → community → subdistrict → district department.
 */
public enum Level {
  PROPERTY, GRID, COMMUNITY, SUBDISTRICT, DEPARTMENT;

  /** The level a case climbs to when this one cannot resolve it in time; the department is the top. */
  public Level next() { return this == DEPARTMENT ? DEPARTMENT : values()[ordinal() + 1]; }
}
