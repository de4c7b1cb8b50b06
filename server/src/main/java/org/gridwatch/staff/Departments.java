package org.gridwatch.staff;

import java.util.List;

/**
 * Codes of the district departments (区直部门), where cases land when no lower level resolves them
 * in time. Their names are seeded by the database migration with the categories that point to them.
 */
public final class Departments {
  public static final String CITY_MANAGEMENT = "CGJ";
  public static final String HOUSING = "ZJJ";
  public static final String PUBLIC_SECURITY = "GAJ";
  public static final String CIVIL_AFFAIRS = "MZJ";
  public static final String JUSTICE = "SFJ";
  public static final String COMMERCE = "SWJ";

  public static final List<String> CODES = List.of(CITY_MANAGEMENT, HOUSING, PUBLIC_SECURITY, CIVIL_AFFAIRS, JUSTICE, COMMERCE);

  private Departments() {}
}
