package org.gridwatch.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts {@code admin}, {@code operator}, {@code planner}, {@code police}, {@code gridworker},
 * {@code community}, {@code subdistrict}, {@code department} and {@code resident}; the staff roster links the
 * staff accounts to people of the demo roster.
 *
 * <p>On the embedded default (H2) they always exist: with {@code gridwatch.demo-password} when it is set,
 * otherwise with a random password generated on first start and printed once in the log. On any other
 * database (PostGIS, production) they are created only when {@code gridwatch.demo-password} is set
 * explicitly: no default password ever ships for production.
 */
@Component
@org.springframework.core.annotation.Order(30)
class DemoAccounts implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  static final Map<String, Role> ACCOUNTS = accounts();

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final String demoPassword;
  private final boolean embedded;

  DemoAccounts(AppUserRepository users, PasswordEncoder encoder,
      @Value("${gridwatch.demo-password:}") String demoPassword,
      @Value("${spring.datasource.url:}") String datasourceUrl) {
    this.users = users;
    this.encoder = encoder;
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
    return m;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean explicit = !demoPassword.isBlank();
    if (!explicit && !embedded) {
      log.info("No demo accounts: gridwatch.demo-password is not set and the database is not the embedded default");
      return;
    }
    boolean missing = ACCOUNTS.keySet().stream().anyMatch(u -> users.findByUsername(u).isEmpty());
    if (!explicit && !missing) return; // generated earlier and printed then
    String password = explicit ? demoPassword : generated();
    String hash = encoder.encode(password);
    ACCOUNTS.forEach((username, role) -> users.findByUsername(username).ifPresentOrElse(
        u -> { if (explicit && !encoder.matches(password, u.getPasswordHash())) u.changePasswordHash(hash); },
        () -> users.save(new AppUser(username, hash, "Demo " + role.name().toLowerCase().replace('_', ' '), Set.of(role)))));
    if (!explicit) {
      log.warn("Demo accounts {} created with the generated password: {}  (shown once; set gridwatch.demo-password to choose one)",
          ACCOUNTS.keySet(), password);
    }
  }

  private static String generated() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
