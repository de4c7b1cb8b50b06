package org.gridwatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Photos of a case, as a grid worker and a resident would use them: uploads checked by their bytes, public copies
 * without the GPS position and turned as the camera was held, thumbnails, who may upload and see them, the limits, a
 * retried upload stored once, and photos that stay with their case when it moves to another grid.
 */
abstract class MediaContract {
  static final String DEMO_GRID = "370203014001001";
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Rehoming rehoming;
  @Autowired PlatformTransactionManager transactions;
  Http http;
  MediaClient media;

  @BeforeEach
  void client() {
    http = new Http(port);
    media = new MediaClient(http);
  }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  /** A point inside the demo grid, a little apart from every other test's, so a test can move just its own case. */
  static Point somewhereIn(String grid) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(grid)).findFirst().orElseThrow();
    MaximumInscribedCircle circle = new MaximumInscribedCircle(g.geometry(), 1e-6);
    Point c = circle.getCenter();
    double r = circle.getRadiusLine().getLength() / 2;
    double dx = ThreadLocalRandom.current().nextDouble(-r, r) / 2, dy = ThreadLocalRandom.current().nextDouble(-r, r) / 2;
    return c.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(round(c.getX() + dx), round(c.getY() + dy)));
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }

  /** Reports a case as an anonymous resident: its number and follow token. */
  String[] report(Point at) {
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"SANITATION\",\"location\":"
        + "{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾桶满了\"}", at.getX(), at.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new String[] {r.json().get("id").asString(), r.json().get("followToken").asString()};
  }

  String[] report() { return report(somewhereIn(DEMO_GRID)); }

  byte[] png(int w, int h) { return TestImages.encode(TestImages.redCorner(w, h, true), "png"); }

  @Test
  void aPhonePhotosGpsPositionNeverLeavesTheServerButTheCameraTurnDoes() {
    String[] c = report();
    // 400 × 300 stored, EXIF orientation 6: the camera was turned, the photo is shown 300 wide and 400 high
    byte[] upload = TestImages.jpegWithExif(TestImages.redCorner(400, 300, false), 6);
    assertThat(TestImages.jpegMarkers(upload)).contains(0xe1);
    Http.Response r = media.upload(c[0], "IMG_0001.JPG", "image/jpeg", upload, null, "Follow-Token", c[1]);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode item = r.json();
    assertThat(item.get("contentType").asString()).isEqualTo("image/jpeg");
    assertThat(item.get("kind").asString()).isEqualTo("REPORT");
    assertThat(item.get("bytes").asLong()).isEqualTo(upload.length);
    assertThat(item.get("width").asInt()).isEqualTo(300);
    assertThat(item.get("height").asInt()).isEqualTo(400);
    assertThat(Instant.parse(item.get("uploadedAt").asString())).isBefore(Instant.now().plusSeconds(1));
    assertThat(item.get("originalUrl").isNull()).isTrue();

    MediaClient.Bytes copy = media.get(item.get("url").asString(), "Follow-Token", c[1]);
    assertThat(copy.status()).isEqualTo(200);
    assertThat(copy.header("Content-Type")).isEqualTo("image/jpeg");
    assertThat(TestImages.jpegMarkers(copy.body())).doesNotContain(0xe1);
    assertThat(indexOf(copy.body(), "Exif".getBytes())).isNegative();
    BufferedImage shown = TestImages.decode(copy.body());
    assertThat(shown.getWidth()).isEqualTo(300);
    assertThat(shown.getHeight()).isEqualTo(400);
    // turned a quarter clockwise: the red corner that was top left is now top right
    assertThat(red(shown.getRGB(shown.getWidth() - 5, 5))).isTrue();
    assertThat(red(shown.getRGB(5, 5))).isFalse();

    // staff keep the original as it came, GPS block included
    JsonNode staffView = http.get("/api/v1/incidents/" + c[0], as("operator")).json();
    String original = staffView.at("/media/0/originalUrl").asString();
    MediaClient.Bytes kept = media.get(original, as("operator"));
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.body()).isEqualTo(upload);
    assertThat(indexOf(kept.body(), TestImages.GPS_MARK)).isPositive();
    assertThat(media.get(original, "Follow-Token", c[1]).status()).isEqualTo(403);
  }

  @Test
  void pngAndWebpGetAPublicCopyAndA320PixelThumbnail() {
    String[] c = report();
    JsonNode png = media.upload(c[0], "screen.png", "image/png", png(800, 600), null, as("gridworker")).json();
    assertThat(png.get("contentType").asString()).isEqualTo("image/png");
    assertThat(png.get("width").asInt()).isEqualTo(800);
    MediaClient.Bytes copy = media.get(png.get("url").asString(), as("gridworker"));
    assertThat(copy.header("Content-Type")).isEqualTo("image/png");
    assertThat(TestImages.decode(copy.body()).getColorModel().hasAlpha()).isTrue();
    BufferedImage thumb = TestImages.decode(media.get(png.get("thumbnailUrl").asString(), as("gridworker")).body());
    assertThat(new int[] {thumb.getWidth(), thumb.getHeight()}).containsExactly(320, 240);

    // made with cwebp -q 80 from a 120 × 80 picture with a red 40 × 30 top-left corner on blue
    byte[] webp = TestImages.resource("red-corner-120x80.webp");
    Http.Response r = media.upload(c[0], "photo.bin", "application/octet-stream", webp, "BEFORE", as("gridworker"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("contentType").asString()).isEqualTo("image/webp");
    assertThat(r.json().get("kind").asString()).isEqualTo("BEFORE");
    assertThat(r.json().get("width").asInt()).isEqualTo(120);
    MediaClient.Bytes webCopy = media.get(r.json().get("url").asString(), as("gridworker"));
    assertThat(webCopy.header("Content-Type")).isEqualTo("image/jpeg");
    BufferedImage shown = TestImages.decode(webCopy.body());
    assertThat(red(shown.getRGB(5, 5))).isTrue();
    assertThat(red(shown.getRGB(100, 60))).isFalse();
    BufferedImage webThumb = TestImages.decode(media.get(r.json().get("thumbnailUrl").asString(), as("gridworker")).body());
    assertThat(webThumb.getWidth()).isEqualTo(120); // never enlarged
  }

  @Test
  void heicIsKeptForStaffWithoutAPublicCopy() {
    String[] c = report();
    byte[] heic = heicHeader();
    Http.Response r = media.upload(c[0], "IMG_0002.HEIC", "image/heic", heic, null, as("gridworker"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode item = r.json();
    assertThat(item.get("contentType").asString()).isEqualTo("image/heic");
    assertThat(item.get("url").isNull()).isTrue();
    assertThat(item.get("thumbnailUrl").isNull()).isTrue();
    assertThat(media.get(item.get("originalUrl").asString(), as("gridworker")).body()).isEqualTo(heic);
    JsonNode reporterView = http.get("/api/v1/incidents/" + c[0], "Follow-Token", c[1]).json();
    assertThat(reporterView.at("/media/0/originalUrl").isNull()).isTrue();
    assertThat(media.get("/api/v1/incidents/" + c[0] + "/media/" + item.get("id").asString(), "Follow-Token", c[1]).status())
        .isEqualTo(404);
  }

  @Test
  void aTextFileNamedJpgIsRefusedByItsContentNamingFile() {
    String[] c = report();
    Http.Response r = media.upload(c[0], "photo.jpg", "image/jpeg", "just some words, not a picture".getBytes(), null,
        "Follow-Token", c[1], "Accept-Language", "zh-CN");
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("file");
    assertThat(r.json().at("/errors/0/reason").asString()).contains("JPEG");
    // a JPEG signature over damaged data: read, found unreadable, refused
    byte[] broken = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 2, 3};
    Http.Response damaged = media.upload(c[0], "photo.jpg", "image/jpeg", broken, null, "Follow-Token", c[1]);
    assertThat(damaged.status()).as(damaged.body()).isEqualTo(400);
    assertThat(damaged.json().at("/errors/0/field").asString()).isEqualTo("file");
    assertThat(count(c[0])).isZero();
  }

  @Test
  void anUploadOverTheLimitIs413NamingFile() {
    String[] c = report();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    byte[] jpeg = TestImages.encode(TestImages.redCorner(50, 50, false), "jpeg");
    System.arraycopy(jpeg, 0, big, 0, jpeg.length);
    Http.Response r = media.upload(c[0], "big.jpg", "image/jpeg", big, null, as("gridworker"));
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("file");
    // past the container's multipart limit (20 MB) too: the same problem, not a stock page
    byte[] huge = java.util.Arrays.copyOf(big, 21 * 1024 * 1024);
    Http.Response h = media.upload(c[0], "huge.jpg", "image/jpeg", huge, null, as("gridworker"));
    assertThat(h.status()).as(h.body()).isEqualTo(413);
    assertThat(h.contentType()).startsWith("application/problem+json");
    assertThat(h.json().at("/errors/0/field").asString()).isEqualTo("file");
    assertThat(count(c[0])).isZero();
  }

  @Test
  void theReporterMayAttachSixAndNoMore() {
    String[] c = report();
    byte[] photo = png(60, 40);
    for (int k = 0; k < 6; k++) {
      assertThat(media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", c[1]).status()).isEqualTo(201);
    }
    Http.Response seventh = media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", c[1]);
    assertThat(seventh.status()).isEqualTo(409);
    assertThat(seventh.json().at("/errors/0/field").asString()).isEqualTo("file");
    // staff may still add the after-photos of the resolution
    assertThat(media.upload(c[0], "after.png", "image/png", photo, "AFTER", as("gridworker")).status()).isEqualTo(201);
    assertThat(count(c[0])).isEqualTo(7);
  }

  @Test
  void whoMayUpload() {
    String[] c = report();
    byte[] photo = png(60, 40);
    assertThat(media.upload("GW-2000-999999", "p.png", "image/png", photo, null, as("operator")).status()).isEqualTo(404);
    Http.Response anonymous = media.upload(c[0], "p.png", "image/png", photo, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().at("/errors/0/field").asString()).isEqualTo("Follow-Token");
    assertThat(media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", "not-the-token").status()).isEqualTo(403);
    // the department's staff read only cases escalated to it
    assertThat(media.upload(c[0], "p.png", "image/png", photo, null, as("department")).status()).isEqualTo(403);
    // another case's token opens nothing here
    String[] other = report();
    assertThat(media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", other[1]).status()).isEqualTo(403);
    Http.Response kind = media.upload(c[0], "p.png", "image/png", photo, "AFTER", "Follow-Token", c[1]);
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.json().at("/errors/0/field").asString()).isEqualTo("kind");
    Http.Response unknownKind = media.upload(c[0], "p.png", "image/png", photo, "SELFIE", as("gridworker"));
    assertThat(unknownKind.json().at("/errors/0/field").asString()).isEqualTo("kind");
    assertThat(count(c[0])).isZero();
  }

  @Test
  void theReporterSeesTheAfterPhotosButThePublicSeesNoPhotos() {
    String[] c = report();
    JsonNode mine = media.upload(c[0], "p.png", "image/png", png(60, 40), null, "Follow-Token", c[1]).json();
    JsonNode after = media.upload(c[0], "a.png", "image/png", png(80, 40), "AFTER", as("gridworker")).json();
    JsonNode reporterView = http.get("/api/v1/incidents/" + c[0], "Follow-Token", c[1]).json();
    assertThat(reporterView.get("media").size()).isEqualTo(2);
    assertThat(reporterView.at("/media/0/id").asString()).isEqualTo(mine.get("id").asString());
    assertThat(reporterView.at("/media/1/kind").asString()).isEqualTo("AFTER");
    assertThat(media.get(after.get("thumbnailUrl").asString(), "Follow-Token", c[1]).status()).isEqualTo(200);
    assertThat(media.get(after.get("thumbnailUrl").asString() + "?token=" + c[1]).status()).isEqualTo(200);
    JsonNode publicView = http.get("/api/v1/incidents/" + c[0]).json();
    assertThat(publicView.has("media")).isFalse();
    assertThat(media.get(after.get("url").asString()).status()).isEqualTo(401);
    assertThat(media.get(after.get("url").asString(), as("department")).status()).isEqualTo(403);
    // a photo asked for under another case is not there
    String[] other = report();
    assertThat(media.get("/api/v1/incidents/" + other[0] + "/media/" + mine.get("id").asString(), "Follow-Token", other[1]).status())
        .isEqualTo(404);
    JsonNode staffView = http.get("/api/v1/incidents/" + c[0], as("gridworker")).json();
    assertThat(staffView.get("media").size()).isEqualTo(2);
    assertThat(staffView.at("/media/1/originalUrl").asString()).endsWith("/original");
  }

  @Test
  void copiesCarryAnEtagAndArePrivatelyCacheable() {
    String[] c = report();
    JsonNode item = media.upload(c[0], "p.png", "image/png", png(60, 40), null, "Follow-Token", c[1]).json();
    MediaClient.Bytes first = media.get(item.get("thumbnailUrl").asString(), "Follow-Token", c[1]);
    assertThat(first.header("ETag")).isNotBlank();
    assertThat(first.header("Cache-Control")).contains("private").contains("max-age");
    MediaClient.Bytes again = media.get(item.get("thumbnailUrl").asString(), "Follow-Token", c[1], "If-None-Match", first.header("ETag"));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aRetriedUploadWithTheSameKeyIsStoredOnce() {
    String[] c = report();
    byte[] photo = png(90, 60);
    Http.Response first = media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", c[1], "Idempotency-Key", "upload-1");
    Http.Response retry = media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", c[1], "Idempotency-Key", "upload-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(count(c[0])).isEqualTo(1);
    Http.Response reused = media.upload(c[0], "q.png", "image/png", png(91, 60), null, "Follow-Token", c[1], "Idempotency-Key", "upload-1");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
    assertThat(count(c[0])).isEqualTo(1);
  }

  @Test
  void retriesSentAtTheSameMomentStoreOnePhoto() throws Exception {
    String[] c = report();
    byte[] photo = png(70, 50);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
      for (int k = 0; k < 4; k++) {
        answers.add(pool.submit(() -> media.upload(c[0], "p.png", "image/png", photo, null, "Follow-Token", c[1], "Idempotency-Key", "same-moment")));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (var a : answers) {
        Http.Response r = a.get();
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        ids.add(r.json().get("id").asString());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(c[0])).isEqualTo(1);
  }

  @Test
  void photosStayWithTheirCaseWhenItIsReHomedToAnotherGrid() {
    Point at = somewhereIn(DEMO_GRID);
    String[] c = report(at);
    JsonNode item = media.upload(c[0], "p.png", "image/png", png(60, 40), null, as("gridworker")).json();
    String elsewhere = DemoFiles.read("grids").stream().map(DemoFiles.Feature::code)
        .filter(code -> !code.startsWith(DEMO_GRID.substring(0, 9))).findFirst().orElseThrow();
    List<Rehoming.Moved> moved = new TransactionTemplate(transactions).execute(s -> rehoming.apply(List.of(DEMO_GRID),
        p -> Math.abs(p.getX() - at.getX()) < 1e-8 && Math.abs(p.getY() - at.getY()) < 1e-8 ? elsewhere : DEMO_GRID, g -> 1,
        "planner", "PLANNER", Instant.now()));
    assertThat(moved).extracting(Rehoming.Moved::publicId).containsExactly(c[0]);
    JsonNode view = http.get("/api/v1/incidents/" + c[0], as("operator")).json();
    assertThat(view.get("gridCode").asString()).isEqualTo(elsewhere);
    assertThat(view.at("/media/0/id").asString()).isEqualTo(item.get("id").asString());
    assertThat(media.get(item.get("url").asString(), "Follow-Token", c[1]).status()).isEqualTo(200);
    // the old grid's worker no longer reads the case, nor its photos
    assertThat(media.get(item.get("url").asString(), as("gridworker")).status()).isEqualTo(403);
  }

  int count(String caseId) {
    Integer n = jdbc.queryForObject("select count(*) from media m join incident i on i.id = m.incident_id where i.public_id = ?",
        Integer.class, caseId);
    return n == null ? 0 : n;
  }

  /** An ISO-BMFF ftyp box naming HEIC, then a meta box stub: what an iPhone's HEIC file starts with. */
  static byte[] heicHeader() {
    byte[] b = new byte[64];
    byte[] ftyp = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
    System.arraycopy(ftyp, 0, b, 0, ftyp.length);
    byte[] meta = {0, 0, 0, 40, 'm', 'e', 't', 'a'};
    System.arraycopy(meta, 0, b, 24, meta.length);
    return b;
  }

  private static boolean red(int rgb) {
    int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
    return r > 150 && g < 90 && b < 90;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
      return i;
    }
    return -1;
  }
}
