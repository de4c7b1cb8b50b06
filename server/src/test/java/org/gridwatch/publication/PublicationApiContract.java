package org.gridwatch.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publications (issue 17, part A, "What it must show"): a community's notice reaches each of its grids and not a
 * neighbouring community's; a grid officer's item waits for the community's review; expired and withdrawn items are
 * gone; markup is kept as text and escaped in the feed; bad areas and lying files are refused with nothing stored;
 * readers are counted once; who may publish where.
 */
abstract class PublicationApiContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Roster roster;
  @Autowired AreaCatalog areas;
  @Autowired DistrictProfile district;
  Http http;
  String community;
  List<AreaView> grids;
  AreaView neighbour;
  LocalDate today;
  long n;

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  @BeforeEach
  void setUp() {
    http = new Http(port);
    community = roster.scopeOf("community").orElseThrow().unitCode();
    grids = grids(community);
    AreaView c = areas.now().find(community).orElseThrow();
    neighbour = areas.now().children(c.parentCode()).stream().filter(a -> !a.code().equals(community))
        .min(Comparator.comparing(AreaView::code)).orElseThrow();
    today = LocalDate.now(java.time.Clock.systemUTC().withZone(district.timeZone()));
    n = System.nanoTime() % 1_000_000_000L;
  }

  List<AreaView> grids(String communityCode) {
    return areas.now().children(communityCode).stream().filter(a -> a.level() == AreaLevel.GRID).toList();
  }

  ObjectNode publication(String kind, String title, String area, boolean submit) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("kind", kind).put("title", title).put("body", "正文（合成）" + title).put("area", area).put("submit", submit);
    return p;
  }

  JsonNode ok(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }

  JsonNode post(ObjectNode body, String user) { return ok(http.postJson("/api/v1/publications", body.toString(), as(user)), 201); }

  List<Long> shownIn(String area) {
    JsonNode list = ok(http.get("/api/v1/publications?area=" + area + "&limit=200"), 200);
    List<Long> ids = new ArrayList<>();
    list.forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }

  int rows(String sql, Object... args) { return jdbc.queryForObject(sql, Integer.class, args); }

  @Test
  void aCommunityNoticeIsShownOnEachOfItsGridsAndNotOnANeighboursGrid() {
    JsonNode p = post(publication("NOTICE", "停水通知" + n, community, true), "community");
    long id = p.get("id").asLong();
    assertThat(p.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(p.get("publisherKind").asString()).isEqualTo("OFFICER");
    assertThat(p.get("publisherLevel").asString()).isEqualTo("COMMUNITY");
    assertThat(p.get("publisherName").asString()).endsWith("居委会");
    assertThat(grids).isNotEmpty();
    for (AreaView g : grids) assertThat(shownIn(g.code())).as(g.code()).contains(id);
    assertThat(shownIn(community)).contains(id);
    for (AreaView g : grids(neighbour.code())) assertThat(shownIn(g.code())).as(g.code()).doesNotContain(id);
    assertThat(shownIn(neighbour.code())).doesNotContain(id);
    // a subdistrict's list is what a resident of the subdistrict as a whole sees: not a community's own notice
    assertThat(shownIn(areas.now().find(community).orElseThrow().parentCode())).doesNotContain(id);
    // published at once: the area's subscribers are told, once
    assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE dedup_key = ? AND template = 'AREA_NOTICE' AND recipient_kind ="
        + " 'AREA_SUBSCRIBERS' AND recipient = ?", "AREA_NOTICE:" + id, community)).isEqualTo(1);
  }

  @Test
  void aGridOfficersItemWaitsForTheCommunitysReview() {
    var scope = roster.scopeOf("gridworker").orElseThrow();
    String grid = scope.grids().stream().sorted().findFirst().orElseThrow();
    String gridCommunity = areas.now().find(grid).orElseThrow().parentCode();
    String reviewer = gridCommunity.equals(community) ? "community" : "operator";
    long id = post(publication("NOTICE", "楼道清理" + n, grid, true), "gridworker").get("id").asLong();
    assertThat(ok(http.get("/api/v1/publications/" + id, as("gridworker")), 200).get("status").asString()).isEqualTo("PENDING_REVIEW");
    assertThat(shownIn(grid)).doesNotContain(id);
    assertThat(http.get("/api/v1/publications/" + id).status()).isEqualTo(404);
    assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE dedup_key = ?", "AREA_NOTICE:" + id)).isZero();
    // in the reviewer's queue
    JsonNode queue = ok(http.get("/api/v1/publications?status=PENDING_REVIEW", as(reviewer)), 200);
    assertThat(queue.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
    // the writer cannot approve their own; a reject needs a note and changes nothing without one
    assertThat(http.postJson("/api/v1/publications/" + id + "/approve", "{}", as("gridworker")).status()).isEqualTo(403);
    Http.Response noNote = http.postJson("/api/v1/publications/" + id + "/reject", "{\"note\":\" \"}", as(reviewer));
    assertThat(noNote.status()).as(noNote.body()).isEqualTo(422);
    assertThat(noNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
    assertThat(rows("SELECT COUNT(*) FROM publication WHERE id = ? AND status = 'PENDING_REVIEW' AND reviewed_by IS NULL", id)).isEqualTo(1);
    JsonNode approved = ok(http.postJson("/api/v1/publications/" + id + "/approve", "{\"note\":\"同意\"}", as(reviewer)), 200);
    assertThat(approved.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(approved.get("publishedAt").isNull()).isFalse();
    assertThat(shownIn(grid)).contains(id);
    assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE dedup_key = ?", "AREA_NOTICE:" + id)).isEqualTo(1);
    // once published, approving again is out of order
    Http.Response again = http.postJson("/api/v1/publications/" + id + "/approve", "{}", as(reviewer));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/problems/illegal-transition");
  }

  @Test
  void aRejectedItemIsNeverShown() {
    String grid = roster.scopeOf("gridworker").orElseThrow().grids().stream().sorted().findFirst().orElseThrow();
    long id = post(publication("COMMUNITY_AFFAIRS", "议事公告" + n, grid, true), "gridworker").get("id").asLong();
    JsonNode r = ok(http.postJson("/api/v1/publications/" + id + "/reject", "{\"note\":\"内容不全\"}", as("operator")), 200);
    assertThat(r.get("status").asString()).isEqualTo("REJECTED");
    assertThat(r.get("reviewNote").asString()).isEqualTo("内容不全");
    assertThat(shownIn(grid)).doesNotContain(id);
  }

  @Test
  void anExpiredNoticeAndAWithdrawnOneAreGone() {
    ObjectNode expired = publication("NOTICE", "过期通知" + n, community, true);
    expired.put("validFrom", today.minusDays(10).toString()).put("validTo", today.minusDays(1).toString());
    long old = post(expired, "community").get("id").asLong();
    ObjectNode lastDay = publication("NOTICE", "今日截止" + n, community, true);
    lastDay.put("validFrom", today.minusDays(3).toString()).put("validTo", today.toString());
    long current = post(lastDay, "community").get("id").asLong();
    ObjectNode future = publication("NOTICE", "明日起" + n, community, true);
    future.put("validFrom", today.plusDays(1).toString());
    long later = post(future, "community").get("id").asLong();
    List<Long> shown = shownIn(grids.get(0).code());
    assertThat(shown).contains(current).doesNotContain(old, later);
    assertThat(http.get("/api/v1/publications/" + old).status()).isEqualTo(404);

    long id = post(publication("NOTICE", "将撤回" + n, community, true), "community").get("id").asLong();
    assertThat(shownIn(grids.get(0).code())).contains(id);
    assertThat(http.postJson("/api/v1/publications/" + id + "/withdraw", "{}", as("gridworker")).status()).isIn(403, 404);
    JsonNode w = ok(http.postJson("/api/v1/publications/" + id + "/withdraw", "{\"note\":\"已过时\"}", as("community")), 200);
    assertThat(w.get("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(shownIn(grids.get(0).code())).doesNotContain(id);
    assertThat(http.get("/api/v1/publications/" + id).status()).isEqualTo(404);
    assertThat(http.postJson("/api/v1/publications/" + id + "/withdraw", "{}", as("community")).status()).isEqualTo(409);
  }

  @Test
  void markupIsKeptAsTextAndEscapedInTheFeed() throws Exception {
    String body = "<script>alert('x')</script><b>加粗</b> & \"引号\" <img src=x onerror=alert(1)>";
    String title = "<i>标题</i>" + n;
    ObjectNode p = publication("NOTICE", title, community, true);
    p.put("body", body);
    long id = post(p, "community").get("id").asLong();
    JsonNode read = ok(http.get("/api/v1/publications/" + id), 200);
    assertThat(read.get("body").asString()).isEqualTo(body);
    assertThat(read.get("title").asString()).isEqualTo(title);
    assertThat(jdbc.queryForObject("SELECT body FROM publication WHERE id = ?", String.class, id)).isEqualTo(body);

    Http.Response feed = http.get("/api/v1/publications/feed?area=" + grids.get(0).code());
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("application/atom+xml");
    assertThat(feed.body()).doesNotContain("<script>").doesNotContain("<b>");
    Element entry = entry(parse(feed.body()), id);
    assertThat(entry).as("entry for " + id).isNotNull();
    assertThat(child(entry, "title").getTextContent()).isEqualTo(title);
    assertThat(child(entry, "title").getAttribute("type")).isEqualTo("text");
    assertThat(child(entry, "summary").getTextContent()).isEqualTo(body);
    assertThat(child(entry, "summary").getAttribute("type")).isEqualTo("text");
  }

  @Test
  void theFeedListsWhatAResidentOfTheAreaSees() throws Exception {
    long mine = post(publication("NOTICE", "订阅测试" + n, community, true), "community").get("id").asLong();
    String grid = grids.get(0).code();
    Http.Response feed = http.get("/api/v1/publications/feed?area=" + grid);
    Document doc = parse(feed.body());
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    assertThat(child(root, "id").getTextContent()).startsWith("tag:");
    assertThat(child(root, "updated").getTextContent()).isNotBlank();
    List<Long> inFeed = new ArrayList<>();
    NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    for (int k = 0; k < entries.getLength(); k++) {
      String tag = child((Element) entries.item(k), "id").getTextContent();
      inFeed.add(Long.parseLong(tag.substring(tag.lastIndexOf('-') + 1)));
    }
    assertThat(inFeed).containsExactlyElementsOf(shownIn(grid).stream().limit(50).toList()).contains(mine);
    Element entry = entry(doc, mine);
    assertThat(child(child(entry, "author"), "name").getTextContent()).endsWith("居委会");
    assertThat(child(entry, "link").getAttribute("href")).endsWith("/portal.html?area=" + grid + "#publication-" + mine);
    // cache-friendly: the same list again is a 304
    String etag = feed.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(http.get("/api/v1/publications/feed?area=" + grid, "If-None-Match", etag).status()).isEqualTo(304);
    // a neighbour's feed does not carry it; an unknown area is a 404
    Document other = parse(http.get("/api/v1/publications/feed?area=" + neighbour.code()).body());
    assertThat(entry(other, mine)).isNull();
    assertThat(http.get("/api/v1/publications/feed?area=999999999999").status()).isEqualTo(404);
  }

  @Test
  void anUnknownAreaIsRefusedAndNothingIsStored() {
    String title = "无此区域" + n;
    Http.Response r = http.postJson("/api/v1/publications", publication("NOTICE", title, "370299999999", true).toString(), as("operator"));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
    ObjectNode backwards = publication("NOTICE", title, community, true);
    backwards.put("validFrom", today.toString()).put("validTo", today.minusDays(1).toString());
    Http.Response b = http.postJson("/api/v1/publications", backwards.toString(), as("community"));
    assertThat(b.status()).as(b.body()).isEqualTo(422);
    assertThat(b.json().get("errors").get(0).get("field").asString()).isEqualTo("validTo");
    ObjectNode guideless = publication("SERVICE_GUIDE", title, community, true);
    Http.Response g = http.postJson("/api/v1/publications", guideless.toString(), as("community"));
    assertThat(g.status()).as(g.body()).isEqualTo(422);
    assertThat(g.json().get("errors").get(0).get("field").asString()).isEqualTo("guide");
    assertThat(rows("SELECT COUNT(*) FROM publication WHERE title = ?", title)).isZero();
    assertThat(http.get("/api/v1/publications?area=370299999999").status()).isEqualTo(404);
    Http.Response untitled = http.postJson("/api/v1/publications", "{\"kind\":\"NOTICE\",\"title\":\"\",\"body\":\"x\",\"area\":\"" + community + "\"}",
        as("community"));
    assertThat(untitled.status()).isEqualTo(400);
    assertThat(untitled.json().get("errors").findValues("field").stream().map(JsonNode::asString).toList()).contains("title");
  }

  @Test
  void aServiceGuideCarriesItsDetails() {
    Long point = jdbc.queryForList("SELECT id FROM service_point WHERE community_code = ? ORDER BY id", Long.class, community).stream()
        .findFirst().orElse(null);
    ObjectNode p = publication("SERVICE_GUIDE", "居住证办理" + n, community, true);
    ObjectNode guide = p.putObject("guide");
    guide.put("item", "居住证办理").put("materials", "身份证\n租房合同").put("hours", "周一至周五 9:00-17:00").put("fees", "免费")
        .put("timeLimit", "15 个工作日").put("contactPhone", "0532-00000000");
    if (point != null) guide.put("servicePoint", point);
    JsonNode answer = post(p, "community");
    assertThat(answer.get("guide").get("item").asString()).isEqualTo("居住证办理");
    assertThat(answer.get("guide").get("materials").asString()).isEqualTo("身份证\n租房合同");
    if (point != null) assertThat(answer.get("guide").get("servicePointName").asString()).isNotBlank();
    JsonNode listed = ok(http.get("/api/v1/publications?area=" + grids.get(0).code() + "&kind=SERVICE_GUIDE"), 200);
    assertThat(listed.findValues("id").stream().map(JsonNode::asLong).toList()).contains(answer.get("id").asLong());
    listed.forEach(s -> assertThat(s.get("kind").asString()).isEqualTo("SERVICE_GUIDE"));
    ObjectNode notice = publication("NOTICE", "带指南的通知" + n, community, true);
    notice.putObject("guide").put("item", "x");
    Http.Response refused = http.postJson("/api/v1/publications", notice.toString(), as("community"));
    assertThat(refused.status()).isEqualTo(422);
  }

  @Test
  void readersAreCountedOnce() {
    long id = post(publication("NOTICE", "阅读计数" + n, community, true), "community").get("id").asLong();
    http.get("/api/v1/publications/" + id, as("resident"));
    http.get("/api/v1/publications/" + id, as("resident"));
    http.get("/api/v1/publications/" + id, "User-Agent", "test-phone-" + n);
    http.get("/api/v1/publications/" + id, "User-Agent", "test-phone-" + n);
    JsonNode last = ok(http.get("/api/v1/publications/" + id, as("resident")), 200);
    assertThat(last.get("readCount").asLong()).isEqualTo(2);
    ok(http.get("/api/v1/publications/" + id, as("planner")), 200);
    assertThat(rows("SELECT read_count FROM publication WHERE id = ?", id)).isEqualTo(3);
  }

  @Test
  void whoMayPublishWhere() {
    String title = "越权" + n;
    assertThat(http.postJson("/api/v1/publications", publication("NOTICE", title, community, true).toString(), as("resident")).status())
        .isIn(401, 403);
    Http.Response other = http.postJson("/api/v1/publications", publication("NOTICE", title, neighbour.code(), true).toString(), as("community"));
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    assertThat(other.json().get("type").asString()).endsWith("/problems/forbidden");
    String grid = roster.scopeOf("gridworker").orElseThrow().grids().stream().sorted().findFirst().orElseThrow();
    String gridCommunity = areas.now().find(grid).orElseThrow().parentCode();
    assertThat(http.postJson("/api/v1/publications", publication("NOTICE", title, gridCommunity, true).toString(), as("gridworker")).status())
        .isEqualTo(403);
    assertThat(http.postJson("/api/v1/publications", publication("NOTICE", title, community, true).toString(), as("department")).status())
        .isEqualTo(403);
    assertThat(http.get("/api/v1/publications?status=DRAFT").status()).isIn(401, 403);
    assertThat(rows("SELECT COUNT(*) FROM publication WHERE title = ?", title)).isZero();
    // the district's officer publishes anywhere, as the district
    JsonNode d = post(publication("GOVERNMENT_AFFAIRS", "区政务" + n, district.code(), true), "operator");
    assertThat(d.get("publisherLevel").asString()).isEqualTo("DISTRICT");
    assertThat(shownIn(grids.get(0).code())).contains(d.get("id").asLong());
    assertThat(shownIn(grids(neighbour.code()).get(0).code())).contains(d.get("id").asLong());
  }

  @Test
  void aDraftIsTheWritersUntilSubmitted() {
    long id = post(publication("NOTICE", "草稿" + n, community, false), "community").get("id").asLong();
    assertThat(shownIn(community)).doesNotContain(id);
    assertThat(http.get("/api/v1/publications/" + id).status()).isEqualTo(404);
    JsonNode drafts = ok(http.get("/api/v1/publications?status=DRAFT&mine=true", as("community")), 200);
    assertThat(drafts.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
    JsonNode submitted = ok(http.postJson("/api/v1/publications/" + id + "/submit", "{}", as("community")), 200);
    assertThat(submitted.get("status").asString()).isEqualTo("PUBLISHED");
    assertThat(shownIn(community)).contains(id);
    // the staff's list of what is published holds their area's, however many the district has
    List<Long> oldest = jdbc.queryForList("SELECT id FROM publication WHERE area_code = ? AND status = 'PUBLISHED' ORDER BY updated_at, id"
        + " LIMIT 1", Long.class, community);
    JsonNode published = ok(http.get("/api/v1/publications?status=PUBLISHED", as("community")), 200);
    assertThat(published.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id).containsAll(oldest);
    published.forEach(p -> assertThat(p.get("areaCode").asString()).startsWith(community));
  }

  // ---- attachments ----

  @Test
  void aPublicImageLosesItsMetadataAReviewedItemTakesNoLateFilesAndAPathIsNoName() throws Exception {
    long id = post(publication("NOTICE", "楼院照片" + n, community, true), "community").get("id").asLong();
    String path = "/api/v1/publications/" + id + "/attachments";
    // a PNG carrying a text chunk with a person's name and phone, as an editor may write it
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0x336699);
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", plain);
    byte[] clean = plain.toByteArray();
    byte[] secret = "Author\0张三 13812345678".getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream tagged = new java.io.ByteArrayOutputStream();
    tagged.write(clean, 0, 33); // signature and IHDR, then a tEXt chunk before the rest
    tagged.write(java.nio.ByteBuffer.allocate(4).putInt(secret.length).array());
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
    tagged.write(type);
    tagged.write(secret);
    crc.update(type);
    crc.update(secret);
    tagged.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    tagged.write(clean, 33, clean.length - 33);
    assertThat(new String(tagged.toByteArray(), StandardCharsets.UTF_8)).contains("13812345678");
    JsonNode a = ok(http.upload(path, "院子.png", "image/png", tagged.toByteArray(), as("community")), 201);
    java.net.http.HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create("http://localhost:" + port + a.get("url").asString())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    byte[] served = download.body();
    assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678").doesNotContain("Author");
    java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
    assertThat(back.getWidth()).isEqualTo(40);
    assertThat(back.getRGB(3, 4) & 0xffffff).isEqualTo(0x336699);
    // a name that is only a path is no name: 422, nothing stored
    Http.Response slash = http.upload(path, "/", "image/png", clean, as("community"));
    assertThat(slash.status()).as(slash.body()).isEqualTo(422);
    assertThat(slash.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(rows("SELECT COUNT(*) FROM publication_attachment WHERE publication_id = ?", id)).isEqualTo(1);

    // a grid officer's item, approved by the community: its writer can no longer add files the review never saw
    var scope = roster.scopeOf("gridworker").orElseThrow();
    String grid = scope.grids().stream().sorted().findFirst().orElseThrow();
    String reviewer = areas.now().find(grid).orElseThrow().parentCode().equals(community) ? "community" : "operator";
    long reviewed = post(publication("NOTICE", "楼道照片" + n, grid, true), "gridworker").get("id").asLong();
    String reviewedPath = "/api/v1/publications/" + reviewed + "/attachments";
    assertThat(http.upload(reviewedPath, "a.png", "image/png", clean, as("gridworker")).status()).isEqualTo(201);
    ok(http.postJson("/api/v1/publications/" + reviewed + "/approve", "{\"note\":\"同意\"}", as(reviewer)), 200);
    assertThat(http.upload(reviewedPath, "b.png", "image/png", clean, as("gridworker")).status()).isEqualTo(403);
    assertThat(rows("SELECT COUNT(*) FROM publication_attachment WHERE publication_id = ?", reviewed)).isEqualTo(1);
  }

  @Test
  void attachmentsAreCheckedByTheirBytes() throws Exception {
    long id = post(publication("FINANCES", "财务公开" + n, community, true), "community").get("id").asLong();
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    String path = "/api/v1/publications/" + id + "/attachments";
    // a PNG calling itself a PDF, a PDF typed as a PNG, an XLSX named .docx, a ZIP that is no Office document, HTML
    Http.Response lie = http.upload(path, "收支明细.pdf", "application/pdf", png, as("community"));
    assertThat(lie.status()).as(lie.body()).isEqualTo(422);
    assertThat(lie.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(http.upload(path, "a.png", "image/png", pdf, as("community")).status()).isEqualTo(422);
    assertThat(http.upload(path, "a.docx", "application/octet-stream", office("xl/workbook.xml"), as("community")).status()).isEqualTo(422);
    assertThat(http.upload(path, "a.docx", "application/octet-stream", zip("readme.txt"), as("community")).status()).isEqualTo(422);
    assertThat(http.upload(path, "a.pdf", "application/pdf", "<html><script>x</script>".getBytes(StandardCharsets.UTF_8), as("community"))
        .status()).isEqualTo(422);
    assertThat(rows("SELECT COUNT(*) FROM publication_attachment WHERE publication_id = ?", id)).isZero();

    JsonNode a = ok(http.upload(path, "收支明细.pdf", "application/pdf", pdf, as("community")), 201);
    assertThat(a.get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(a.get("sizeBytes").asLong()).isEqualTo(pdf.length);
    JsonNode d = ok(http.upload(path, "说明.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        office("word/document.xml"), as("community")), 201);
    assertThat(d.get("contentType").asString()).contains("wordprocessingml");
    ok(http.upload(path, "表.xlsx", "application/octet-stream", office("xl/workbook.xml"), as("community")), 201);

    Http.Response download = http.get(a.get("url").asString());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).startsWith("application/pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.header("Content-Disposition")).startsWith("attachment");
    assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1).length).isEqualTo(pdf.length);
    JsonNode read = ok(http.get("/api/v1/publications/" + id), 200);
    assertThat(read.get("attachments")).hasSize(3);
    // only its writers attach; a stranger is refused and nothing is stored
    assertThat(http.upload(path, "x.pdf", "application/pdf", pdf, as("operator")).status()).isEqualTo(201);
    assertThat(http.upload(path, "x.pdf", "application/pdf", pdf, as("planner")).status()).isIn(403, 404);
    assertThat(rows("SELECT COUNT(*) FROM publication_attachment WHERE publication_id = ?", id)).isEqualTo(4);
  }

  @Test
  void anAttachmentOverTenMegabytesIsRefused() {
    long id = post(publication("NOTICE", "大附件" + n, community, false), "community").get("id").asLong();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-".getBytes(StandardCharsets.ISO_8859_1), 0, big, 0, 5);
    Http.Response r = http.upload("/api/v1/publications/" + id + "/attachments", "big.pdf", "application/pdf", big, as("community"));
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(rows("SELECT COUNT(*) FROM publication_attachment WHERE publication_id = ?", id)).isZero();
  }

  static byte[] office(String part) throws Exception { return zip("[Content_Types].xml", part); }

  static byte[] zip(String... names) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : names) {
        z.putNextEntry(new ZipEntry(name));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element entry(Document doc, long id) {
    NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    for (int k = 0; k < entries.getLength(); k++) {
      Element e = (Element) entries.item(k);
      if (child(e, "id").getTextContent().endsWith(":publication-" + id)) return e;
    }
    return null;
  }

  static Element child(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }
}
