package org.gridwatch.staff;

import java.util.List;

/** The district departments of the demo: where cases land when no lower level resolves them in time. */
public final class Departments {
  public static final String CITY_MANAGEMENT = "CGJ";
  public static final String HOUSING = "ZJJ";
  public static final String PUBLIC_SECURITY = "GAJ";
  public static final String CIVIL_AFFAIRS = "MZJ";
  public static final String JUSTICE = "SFJ";
  public static final String COMMERCE = "SWJ";

  record Entry(String code, String name, String nameEn) {}

  static final List<Entry> ALL = List.of(
      new Entry(CITY_MANAGEMENT, "市北区城市管理局", "Shibei Urban Management Bureau"),
      new Entry(HOUSING, "市北区住房和城乡建设局", "Shibei Housing and Urban-Rural Development Bureau"),
      new Entry(PUBLIC_SECURITY, "青岛市公安局市北分局", "Shibei Branch, Qingdao Public Security Bureau"),
      new Entry(CIVIL_AFFAIRS, "市北区民政局", "Shibei Civil Affairs Bureau"),
      new Entry(JUSTICE, "市北区司法局", "Shibei Justice Bureau"),
      new Entry(COMMERCE, "市北区商务局", "Shibei Commerce Bureau"));

  private Departments() {}
}
