package org.gridwatch.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.privacy.ResidentIdNumber;
import org.gridwatch.security.AccountSeeding;
import org.gridwatch.security.Role;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What the volunteer contracts share: the demo's accounts, valid new ID numbers, a registration body, areas inside and outside a unit. */
abstract class VolunteerFixtures {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final String[] COMMUNITY = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
  static final String[] SUBDISTRICT = Http.basic("subdistrict", TestEnvironment.DEMO_PASSWORD);

  @LocalServerPort int port;
  @Autowired AreaCatalog catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountSeeding accounts;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** A valid ID number nobody has: an address code outside the demo's, a random birth date and sequence. */
  static String newIdNumber() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 = String.format("110105%04d%02d%02d%03d", 1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static String newPhone() { return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)); }

  static String body(String kind, String name, String id, String phone, String grid, String extra) {
    return """
        {"kind":"%s","name":"%s","idNumber":"%s","phone":"%s","homeGrid":"%s","skills":["助餐","上门探访"],
         "availability":[{"weekday":6,"from":"09:00","to":"12:00"}],"starLevel":2%s}""".formatted(kind, name, id, phone, grid, extra);
  }

  String unitOf(String[] account) { return http.get("/api/v1/me", account).json().at("/person/unitCode").asString(); }

  List<AreaView> gridsOf(String areaCode) {
    AreaCatalog.Snapshot s = catalog.now();
    return s.level(AreaLevel.GRID).stream().filter(g -> s.chain(g).stream().anyMatch(a -> a.code().equals(areaCode))).toList();
  }

  String gridOutside(String areaCode) {
    AreaCatalog.Snapshot s = catalog.now();
    return s.level(AreaLevel.GRID).stream().filter(g -> s.chain(g).stream().noneMatch(a -> a.code().equals(areaCode)))
        .findFirst().orElseThrow().code();
  }

  int rowsNamed(String name) { return jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE name = ?", Integer.class, name); }

  long register(String[] who, String kind, String name, String id, String grid, String extra) {
    Http.Response r = http.postJson("/api/v1/volunteers", body(kind, name, id, newPhone(), grid, extra), who);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

}
