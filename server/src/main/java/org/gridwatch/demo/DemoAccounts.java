package org.gridwatch.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.security.AccountSeeding;
import org.gridwatch.security.AccountSeeding.WantedAccount;
import org.gridwatch.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo accounts {@code admin}, {@code operator}, {@code planner}, {@code police}, {@code gridworker},
 * {@code community}, {@code subdistrict}, {@code department}, {@code resident}, {@code volunteer}, {@code socialworker},
 * {@code property} (a property company's staff), {@code organisation} (a social organisation's staff), {@code funder} (the
 * funding body's staff) and {@code reviewer}, {@code reviewer2}, {@code reviewer3} (expert reviewers); the staff roster
 * links the staff accounts to people of the demo roster, the demo volunteers {@code volunteer} and {@code socialworker} to
 * two of theirs, the demo organisations the last two to their organisations.
 *
 * <p>On the embedded default (H2) they always exist: with {@code gridwatch.demo-password} when it is set,
 * otherwise with a random password generated on first start and printed once in the log. On any other
 * database (PostGIS, production) they are created only when {@code gridwatch.demo-password} is set
 * explicitly: no default password ever ships for production. They do not depend on the demo data: a deployment
 * with {@code gridwatch.demo-data.enabled=false} signs in with them to import its own (the last start-up step).
 */
@Component
class DemoAccounts {
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  static final Map<String, Role> ACCOUNTS = accounts();

  private final AccountSeeding accounts;
  private final String demoPassword;
  private final boolean embedded;

  DemoAccounts(AccountSeeding accounts, @Value("${gridwatch.demo-password:}") String demoPassword,
      @Value("${spring.datasource.url:}") String datasourceUrl) {
    this.accounts = accounts;
    this.demoPassword = demoPassword;
    this.embedded = datasourceUrl.startsWith("jdbc:h2:");
  }

  private static Map<String, Role> accounts() {
    Map<String, Role> m = new LinkedHashMap<>();
    m.put("admin", Role.ADMIN);
    m.put("operator", Role.OPERATOR);
    m.put("planner", Role.PLANNER);
    m.put("police", Role.POLICE);
    m.put("gridworker", Role.GRID_WORKER);
    m.put("community", Role.COMMUNITY_STAFF);
    m.put("subdistrict", Role.SUBDISTRICT_STAFF);
    m.put("department", Role.DEPARTMENT_STAFF);
    m.put("resident", Role.RESIDENT);
    m.put("volunteer", Role.VOLUNTEER);
    m.put("socialworker", Role.SOCIAL_WORKER);
    m.put("property", Role.PROPERTY_STAFF);
    m.put("organisation", Role.ORGANISATION_STAFF);
    m.put("funder", Role.FUNDER);
    m.put("reviewer", Role.REVIEWER);
    m.put("reviewer2", Role.REVIEWER);
    m.put("reviewer3", Role.REVIEWER);
    return m;
  }

  /** Creates the missing accounts or sets the chosen password; answers what it did. */
  String seed() {
    boolean explicit = !demoPassword.isBlank();
    if (!explicit && !embedded) {
      log.info("No demo accounts: gridwatch.demo-password is not set and the database is not the embedded default");
      return "none (no gridwatch.demo-password)";
    }
    List<WantedAccount> wanted = ACCOUNTS.entrySet().stream().map(e -> new WantedAccount(e.getKey(),
        "Demo " + e.getValue().name().toLowerCase().replace('_', ' '), e.getValue())).toList();
    if (!explicit && !accounts.anyMissing(wanted)) return "already there"; // generated earlier and printed then
    String password = explicit ? demoPassword : generated();
    accounts.ensure(wanted, password, explicit);
    if (!explicit) {
      log.warn("Demo accounts {} created with the generated password: {}  (shown once; set gridwatch.demo-password to choose one)",
          ACCOUNTS.keySet(), password);
    }
    return wanted.size() + " accounts";
  }

  private static String generated() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
