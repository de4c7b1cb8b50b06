package org.gridwatch.replica;

import org.gridwatch.support.TestEnvironment;

/**
 * The primary and synchronous standby that {@code .ci/replicas.sh} makes (ports 5442/5443), as its environment names
 * them. Their tests run when the variables are set and always on CI, where missing variables fail them.
 */
public final class Replicas {
  private Replicas() {}

  /** Used by {@code @EnabledIf} on the replica tests. */
  public static boolean available() { return TestEnvironment.ci() || System.getenv("GRIDWATCH_TEST_PG_PRIMARY_URL") != null; }

  public static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set: run `eval \"$(bash .ci/replicas.sh)\"` first (as .ci/run does)");
    }
    return v;
  }

  public static String user() { return env("GRIDWATCH_TEST_PG_REPLICA_USER"); }

  public static String password() { return env("GRIDWATCH_TEST_PG_REPLICA_PASSWORD"); }
}
