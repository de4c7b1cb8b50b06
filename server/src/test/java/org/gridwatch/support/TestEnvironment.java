package org.gridwatch.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the test suite may rely on. PostGIS and Chromium tests run when their tools are there; on CI
 * ({@code CI=true}) they always run, so a missing PostGIS or browser fails the build instead of skipping.
 */
public final class TestEnvironment {
  public static final String DEMO_PASSWORD = "test-demo-password";

  private TestEnvironment() {}

  public static boolean ci() { return "true".equalsIgnoreCase(System.getenv("CI")); }

  /** Used by {@code @EnabledIf} on every PostGIS test class. */
  public static boolean postgisAvailable() { return ci() || System.getenv("GRIDWATCH_TEST_PG_URL") != null; }

  /** Used by {@code @EnabledIf} on browser tests. */
  public static boolean browserAvailable() {
    return ci() || (Files.isExecutable(Path.of(chromium())) && Files.isExecutable(Path.of(chromedriver())));
  }

  /** Used by {@code @EnabledIf} on the GDAL interoperability test. */
  public static boolean gdalAvailable() { return ci() || Files.isExecutable(Path.of("/usr/bin/ogrinfo")); }

  public static String chromium() { return env("GRIDWATCH_TEST_CHROMIUM", "/usr/bin/chromium"); }
  public static String chromedriver() { return env("GRIDWATCH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"); }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
