package org.gridwatch.activity;

import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gridwatch.security.Accounts;
import org.gridwatch.security.Role;
import org.gridwatch.support.TestEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of other parts' tables the activity tests need, written with plain SQL on the shared foundation's columns
 * (volunteer, volunteer_skill, volunteer_availability, organisation, organisation_staff), and accounts.
 */
final class ActivityFixtures {
  /** Ids far above any the sequences hand out, different in every run against the same database. */
  private static final AtomicLong NEXT = new AtomicLong(900_000_000L + (System.currentTimeMillis() % 1_000_000L) * 100);
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Accounts accounts;

  ActivityFixtures(JdbcTemplate jdbc, TransactionTemplate tx, Accounts accounts) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.accounts = accounts;
  }

  /**
   * Lets accounts hold issue 14's roles: V1's check on app_user_role names only the roles of its day, and the
   * migration that widens it belongs to the organisations part (V19_1_1). Until the merge brings it, the tests drop
   * the check; afterwards this drops the widened one in the test database only. Idempotent.
   */
  void allowCommunityRoles() {
    for (String name : jdbc.queryForList("""
        SELECT constraint_name FROM information_schema.table_constraints
         WHERE UPPER(table_name) = 'APP_USER_ROLE' AND constraint_type = 'CHECK' AND constraint_name NOT LIKE '%not_null'""", String.class)) {
      jdbc.execute("ALTER TABLE app_user_role DROP CONSTRAINT \"" + name + "\"");
    }
  }

  record Window(int weekday, LocalTime from, LocalTime to) {}

  long volunteer(String name, String homeGrid) { return volunteer(name, homeGrid, null, List.of(), List.of()); }

  long volunteer(String name, String homeGrid, String username, List<String> skills, List<Window> windows) {
    long id = NEXT.incrementAndGet();
    jdbc.update("INSERT INTO volunteer (id, kind, name, home_grid, username, created_at) VALUES (?, 'VOLUNTEER', ?, ?, ?, CURRENT_TIMESTAMP)",
        id, name, homeGrid, username);
    for (String s : skills) jdbc.update("INSERT INTO volunteer_skill (volunteer_id, skill) VALUES (?, ?)", id, s);
    for (Window w : windows) {
      jdbc.update("INSERT INTO volunteer_availability (volunteer_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", id, w.weekday(), w.from(), w.to());
    }
    return id;
  }

  long organisation(String name, String kind) {
    long id = NEXT.incrementAndGet();
    String code = String.format("%018d", id); // the foundation table does not check the credit code
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)", id, code, name, kind);
    return id;
  }

  /** A new account with the role; its username, signing in with the demo password. */
  String account(String prefix, Role role) {
    String username = prefix + NEXT.incrementAndGet() % 100_000_000L;
    tx.executeWithoutResult(s -> accounts.create(username, "Test " + prefix, role, TestEnvironment.DEMO_PASSWORD));
    return username;
  }

  void staffOf(String username, long organisation) {
    jdbc.update("INSERT INTO organisation_staff (username, organisation_id) VALUES (?, ?)", username, organisation);
  }
}
