package org.gridwatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridwatch.service.ServiceFixtures.inside;
import static org.gridwatch.service.ServiceFixtures.lonLat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Places and services as staff and residents use them: a service point with its hours and photo, changed and removed;
 * an offer that reaches some places and not others; a booking taken, its slot full, its fulfilment recorded and
 * counted; a booking for a service not offered at the place refused with nothing stored; a resident request turned
 * into a booking that closes it. (Service deserts: {@link ServiceDesertsContract}.)
 */
abstract class ServicesContract {
  static final String GRID = "370203014001001";
  static final String COMMUNITY = GRID.substring(0, 12);
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final org.assertj.core.data.Offset<Double> within = org.assertj.core.data.Offset.offset(1e-7);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.gridwatch.security.Accounts accounts;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  long organisation(String kind) { return ServiceFixtures.organisation(jdbc, "测试机构（合成）", kind); }

  JsonNode point(Point at, Long organisation) {
    Http.Response r = http.postJson("/api/v1/service-points", "{\"name\":\"测试养老驿站（合成）\",\"kind\":\"ELDERLY_CARE_STATION\","
        + lonLat(at) + ",\"address\":\"测试路1号\",\"openingHours\":[{\"weekday\":1,\"from\":\"08:30\",\"to\":\"17:00\"}],"
        + "\"organisation\":" + organisation + "}", ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode offer(String service, Long point, long organisation, String areas, Integer capacity) {
    Http.Response r = http.postJson("/api/v1/services", "{\"service\":\"" + service + "\",\"servicePoint\":" + point
        + ",\"organisation\":" + organisation + ",\"areas\":" + areas + ",\"price\":null,\"bookingRule\":{\"noticeHours\":0,"
        + "\"slotMinutes\":60,\"capacity\":" + capacity + "}}", ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  Http.Response book(long offer, Instant at, Point where, String extra) {
    return http.postJson("/api/v1/bookings", "{\"offer\":" + offer + ",\"at\":\"" + at + "\"," + lonLat(where)
        + ",\"resident\":{\"name\":\"王测试\",\"phone\":\"13812345678\"}" + extra + "}", ADMIN);
  }

  int bookings() { return jdbc.queryForObject("SELECT count(*) FROM booking", Integer.class); }

  static Instant inTwoDays() { return Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES); }

  @Test
  void aServicePointIsPlacedWithItsHoursAndPhotoChangedAndRemoved() throws Exception {
    long org = organisation("SERVICE_PROVIDER");
    JsonNode p = point(inside(GRID), org);
    long id = p.get("id").asLong();
    assertThat(p.get("grid").asString()).isEqualTo(GRID);
    assertThat(p.get("community").asString()).isEqualTo(COMMUNITY);
    assertThat(p.at("/organisation/id").asLong()).isEqualTo(org);
    assertThat(p.at("/openingHours/0/from").asString()).startsWith("08:30");

    JsonNode listed = http.get("/api/v1/service-points?kind=ELDERLY_CARE_STATION&area=" + COMMUNITY).json();
    assertThat(ids(listed)).contains(id);
    assertThat(ids(http.get("/api/v1/service-points?area=" + ServiceFixtures.gridElsewhere(GRID)).json())).doesNotContain(id);

    Http.Response photo = http.upload("/api/v1/service-points/" + id + "/photos", "door.png", "image/png", ServiceFixtures.png(400, 300), ADMIN);
    assertThat(photo.status()).as(photo.body()).isEqualTo(201);
    Http.Response copy = http.get(photo.json().get("url").asString());
    assertThat(copy.status()).isEqualTo(200);
    assertThat(copy.contentType()).isEqualTo("image/png");
    var image = ImageIO.read(new ByteArrayInputStream(bytes(photo.json().get("url").asString())));
    assertThat(image.getWidth()).isEqualTo(400);
    Http.Response notImage = http.upload("/api/v1/service-points/" + id + "/photos", "x.png", "image/png", "hello".getBytes(), ADMIN);
    assertThat(notImage.status()).isEqualTo(415);
    assertThat(notImage.json().at("/errors/0/field").asString()).isEqualTo("file");

    Point moved = inside(GRID);
    Http.Response put = http.put("/api/v1/service-points/" + id, "{\"name\":\"新名称养老驿站（合成）\",\"kind\":\"ELDERLY_CARE_STATION\","
        + lonLat(moved) + ",\"openingHours\":[],\"organisation\":" + org + "}", ADMIN);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode read = http.get("/api/v1/service-points/" + id).json();
    assertThat(read.get("name").asString()).isEqualTo("新名称养老驿站（合成）");
    assertThat(read.get("openingHours").size()).isZero();
    assertThat(read.get("photos").size()).isEqualTo(1);
    assertThat(read.get("lon").asDouble()).isCloseTo(moved.getX(), within);

    assertThat(http.delete("/api/v1/service-points/" + id, ADMIN).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/service-points/" + id).status()).isEqualTo(404);
  }

  @Test
  void aPointOutsideTheDistrictOrWithBackwardHoursIsRefusedAndNothingStored() {
    int before = jdbc.queryForObject("SELECT count(*) FROM service_point", Integer.class);
    Http.Response outside = http.postJson("/api/v1/service-points", "{\"name\":\"远方（合成）\",\"kind\":\"POLICE_ROOM\",\"lon\":116.4,"
        + "\"lat\":39.9}", ADMIN);
    assertThat(outside.status()).as(outside.body()).isEqualTo(422);
    assertThat(outside.json().at("/errors/0/field").asString()).isEqualTo("lon");
    Http.Response backward = http.postJson("/api/v1/service-points", "{\"name\":\"倒序（合成）\",\"kind\":\"POLICE_ROOM\","
        + lonLat(inside(GRID)) + ",\"openingHours\":[{\"weekday\":2,\"from\":\"17:00\",\"to\":\"09:00\"}]}", ADMIN);
    assertThat(backward.status()).isEqualTo(400);
    assertThat(backward.json().at("/errors/0/field").asString()).isEqualTo("openingHours[0].to");
    Http.Response badKind = http.postJson("/api/v1/service-points", "{\"name\":\"x\",\"kind\":\"CASINO\"," + lonLat(inside(GRID)) + "}", ADMIN);
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body()).contains("kind");
    assertThat(http.postJson("/api/v1/service-points", "{\"name\":\"x\",\"kind\":\"POLICE_ROOM\"," + lonLat(inside(GRID)) + "}",
        Http.basic("resident", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM service_point", Integer.class)).isEqualTo(before);
  }

  @Test
  void communityStaffPlacePointsInTheirOwnCommunityOnly() {
    String[] staff = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
    String unit = http.get("/api/v1/me", staff).json().at("/person/unitCode").asString();
    String own = org.gridwatch.support.DemoFiles.read("grids").stream().filter(f -> unit.equals(f.parentCode())).findFirst()
        .orElseThrow().code();
    String body = "{\"name\":\"社区调解室（合成）\",\"kind\":\"MEDIATION_ROOM\",";
    Http.Response mine = http.postJson("/api/v1/service-points", body + lonLat(inside(own)) + "}", staff);
    assertThat(mine.status()).as(mine.body()).isEqualTo(201);
    assertThat(mine.json().get("community").asString()).isEqualTo(unit);
    int before = jdbc.queryForObject("SELECT count(*) FROM service_point", Integer.class);
    Http.Response theirs = http.postJson("/api/v1/service-points", body + lonLat(inside(ServiceFixtures.gridElsewhere(own))) + "}", staff);
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM service_point", Integer.class)).isEqualTo(before);
    Http.Response move = http.put("/api/v1/service-points/" + mine.json().get("id").asLong(), body
        + lonLat(inside(ServiceFixtures.gridElsewhere(own))) + "}", staff);
    assertThat(move.status()).as("nor move one out of it").isEqualTo(403);
  }

  @Test
  void organisationStaffActForTheirOwnOrganisationOnly() {
    long mine = organisation("SERVICE_PROVIDER"), other = organisation("SERVICE_PROVIDER");
    String username = "orgstaff" + Long.toString(mine).substring(0, 6);
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t -> accounts.create(username,
        "机构工作人员（合成）", org.gridwatch.security.Role.ORGANISATION_STAFF, TestEnvironment.DEMO_PASSWORD));
    jdbc.update("INSERT INTO organisation_staff (username, organisation_id) VALUES (?, ?)", username, mine);
    String[] staff = Http.basic(username, TestEnvironment.DEMO_PASSWORD);
    String offerBody = "{\"service\":\"DELIVERY\",\"areas\":[\"" + COMMUNITY + "\"],\"organisation\":";
    Http.Response forOther = http.postJson("/api/v1/services", offerBody + other + "}", staff);
    assertThat(forOther.status()).as(forOther.body()).isEqualTo(403);
    Http.Response own = http.postJson("/api/v1/services", offerBody + mine + "}", staff);
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    long otherOffer = offer("DELIVERY", null, other, "[\"" + COMMUNITY + "\"]", null).get("id").asLong();

    long ownBooking = book(own.json().get("id").asLong(), inTwoDays(), inside(GRID), "").json().get("id").asLong();
    long otherBooking = book(otherOffer, inTwoDays(), inside(GRID), "").json().get("id").asLong();
    List<Long> seen = ids(http.get("/api/v1/bookings?service=DELIVERY", staff).json());
    assertThat(seen).contains(ownBooking).doesNotContain(otherBooking);
    assertThat(http.postJson("/api/v1/bookings/" + otherBooking + "/fulfilment", "{\"fulfilled\":true}", staff).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/bookings/" + ownBooking + "/fulfilment", "{\"fulfilled\":true}", staff).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/bookings/" + otherBooking, staff).status()).isEqualTo(404);
  }

  @Test
  void aBookingFillsItsSlotAndItsFulfilmentIsRecordedAndCounted() {
    long org = organisation("SERVICE_PROVIDER");
    long point = point(inside(GRID), org).get("id").asLong();
    long offer = offer("MEAL_ASSISTANCE", point, org, "[]", 1).get("id").asLong();
    Point home = inside(GRID);
    Point elsewhere = inside(ServiceFixtures.gridElsewhere(GRID));
    assertThat(ids(http.get("/api/v1/services?service=MEAL_ASSISTANCE&" + query(home)).json())).contains(offer);
    assertThat(ids(http.get("/api/v1/services?service=MEAL_ASSISTANCE&" + query(elsewhere)).json())).doesNotContain(offer);

    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    JsonNode before = figures(COMMUNITY, today);
    Http.Response booked = book(offer, inTwoDays(), home, ",\"note\":\"少盐\"");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    JsonNode b = booked.json();
    assertThat(b.at("/resident/phone").asString()).isEqualTo("138****5678");
    assertThat(b.get("grid").asString()).isEqualTo(GRID);
    assertThat(b.get("fulfilment").isNull()).isTrue();

    int count = bookings();
    Http.Response full = book(offer, inTwoDays().plus(20, ChronoUnit.MINUTES), home, "");
    assertThat(full.status()).as(full.body()).isEqualTo(409);
    assertThat(full.json().get("type").asString()).endsWith("/problems/slot-full");
    assertThat(full.json().at("/errors/0/field").asString()).isEqualTo("at");
    assertThat(bookings()).isEqualTo(count);
    assertThat(book(offer, inTwoDays().plus(1, ChronoUnit.HOURS), home, "").status()).as("the next slot is free").isEqualTo(201);

    long id = b.get("id").asLong();
    Http.Response done = http.postJson("/api/v1/bookings/" + id + "/fulfilment", "{\"fulfilled\":true,\"note\":\"已送达\"}", ADMIN);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().at("/fulfilment/fulfilled").asBoolean()).isTrue();
    assertThat(done.json().at("/fulfilment/recordedBy").asString()).isEqualTo("admin");
    assertThat(http.postJson("/api/v1/bookings/" + id + "/fulfilment", "{\"fulfilled\":false}", ADMIN).status()).isEqualTo(409);

    JsonNode listed = http.get("/api/v1/bookings?offer=" + offer, ADMIN).json();
    assertThat(listed.size()).isEqualTo(2);
    assertThat(listed.toString()).doesNotContain("13812345678");
    assertThat(http.get("/api/v1/bookings?offer=" + offer).status()).as("bookings are not public").isEqualTo(401);

    JsonNode after = figures(COMMUNITY, today);
    assertThat(after.get("bookings").asInt() - before.get("bookings").asInt()).isEqualTo(2);
    assertThat(after.get("fulfilled").asInt() - before.get("fulfilled").asInt()).isEqualTo(1);
  }

  @Test
  void aBookingForAServiceNotOfferedThereIsRefusedWithNothingStored() {
    long org = organisation("SERVICE_PROVIDER");
    long offer = offer("HOUSEKEEPING", null, org, "[\"" + COMMUNITY + "\"]", null).get("id").asLong();
    int before = bookings();
    String other = ServiceFixtures.gridElsewhere(GRID);
    Http.Response r = book(offer, inTwoDays(), inside(other), "");
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("type").asString()).endsWith("/problems/not-offered-here");
    assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("offer");
    assertThat(r.json().get("grid").asString()).isEqualTo(other);
    Http.Response past = book(offer, Instant.now().minus(1, ChronoUnit.HOURS), inside(GRID), "");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("at");
    assertThat(bookings()).isEqualTo(before);
  }

  @Test
  void aResidentRequestBecomesABookingThatClosesIt() {
    long org = organisation("SERVICE_PROVIDER");
    long offer = offer("HOUSEKEEPING", null, org, "[\"" + COMMUNITY + "\"]", null).get("id").asLong();
    String housekeeping = report("HOUSEKEEPING", inside(GRID));
    String sanitation = report("MUNICIPAL_FACILITY", inside(GRID)); // a category that maps to no service and is not property first

    int before = bookings();
    Http.Response wrong = http.postJson("/api/v1/bookings", "{\"offer\":" + offer + ",\"at\":\"" + inTwoDays() + "\",\"case\":\""
        + sanitation + "\"}", ADMIN);
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
    assertThat(wrong.json().at("/errors/0/field").asString()).isEqualTo("case");
    assertThat(bookings()).isEqualTo(before);
    assertThat(http.get("/api/v1/incidents/" + sanitation, ADMIN).json().get("status").asString()).isEqualTo("REPORTED");

    Http.Response r = http.postJson("/api/v1/bookings", "{\"offer\":" + offer + ",\"at\":\"" + inTwoDays() + "\",\"case\":\""
        + housekeeping + "\"}", ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long booking = r.json().get("id").asLong();
    assertThat(r.json().get("case").asString()).isEqualTo(housekeeping);
    assertThat(r.json().at("/resident/phone").asString()).isEqualTo("139****4321");
    JsonNode c = http.get("/api/v1/incidents/" + housekeeping, ADMIN[0], ADMIN[1], "Accept-Language", "en").json();
    assertThat(c.get("status").asString()).isEqualTo("CLOSED");
    JsonNode last = c.get("history").get(c.get("history").size() - 1);
    assertThat(last.get("type").asString()).isEqualTo("CLOSED");
    assertThat(last.get("note").asString()).contains(Long.toString(booking));

    Http.Response again = http.postJson("/api/v1/bookings", "{\"offer\":" + offer + ",\"at\":\"" + inTwoDays() + "\",\"case\":\""
        + housekeeping + "\"}", ADMIN);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("case");
  }

  @Test
  void theServicePointsLayerIsPublicWithoutPersonalData() {
    long org = organisation("SOCIAL_ORGANISATION");
    long id = point(inside(GRID), org).get("id").asLong();
    Http.Response r = http.get("/ogcapi/collections/service-points/items?community=" + COMMUNITY + "&limit=1000",
        "Accept", "application/geo+json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode f : r.json().get("features")) if (f.get("id").asString().equals(Long.toString(id))) mine = f;
    assertThat(mine).as("the new point is in its community's items").isNotNull();
    assertThat(mine.at("/properties/kind").asString()).isEqualTo("ELDERLY_CARE_STATION");
    assertThat(mine.at("/properties/organisation").asString()).isEqualTo("测试机构（合成）");
    assertThat(mine.get("properties").toString()).doesNotContain("phone").doesNotContain("credit");
  }

  String report(String category, Point at) {
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":"
        + "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"需要帮忙（测试）\",\"reporter\":{\"name\":\"李测试\","
        + "\"phone\":\"13987654321\"}}", category, at.getX(), at.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  JsonNode figures(String community, String day) {
    Http.Response r = http.get("/api/v1/bookings/measures?level=community&from=" + day + "&to=" + day, ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode a : r.json().get("areas")) if (a.get("code").asString().equals(community)) return a;
    throw new AssertionError("no figures for " + community + ": " + r.body());
  }

  byte[] bytes(String path) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url(path))).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  static String query(Point p) { return String.format(Locale.ROOT, "lon=%.7f&lat=%.7f", p.getX(), p.getY()); }

  static List<Long> ids(JsonNode array) {
    List<Long> out = new ArrayList<>();
    for (JsonNode n : array) out.add(n.get("id").asLong());
    return out;
  }
}
