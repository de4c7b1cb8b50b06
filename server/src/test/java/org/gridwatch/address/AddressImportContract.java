package org.gridwatch.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.support.Http;
import org.gridwatch.support.RosterFiles;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/addresses/import} and {@code GET /api/v1/addresses/export} on the demo: a file's addresses are
 * found at once by the search and the OGC API; a dry run and a file with a bad row store nothing, and every bad cell
 * is named by row and column with the line the user sees; the export imports back unchanged. Rows name the last
 * buildings by code, which the geocode tests leave alone.
 */
abstract class AddressImportContract {
  static final String HEADER = "楼栋编码 building_code,路名 road,门牌号 number,楼号 building_no,单元数 units,小区 compound,别名 aliases\n";

  @LocalServerPort int port;
  @Autowired AddressRegister register;
  @Autowired AreaCatalog catalog;
  Http http;
  String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  List<String> last;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    List<String> codes = catalog.now().buildings().stream().map(BuildingView::code).sorted().toList();
    last = codes.subList(codes.size() - 3, codes.size());
  }

  @Test
  void aFilesAddressesAreFoundAtOnce() {
    Set<String> before = Set.copyOf(register.all().stream().map(AddressLine::buildingCode).filter(last::contains).toList());
    String csv = HEADER
        + last.get(0) + ",试验新路,7,1,2,试验家园,试验小区；老试验院\n"
        + last.get(1) + ",试验新路,７号,2号楼,,试验家园,\n"
        + last.get(2) + ",试验新路,9,,,,旧试验路\n";
    Http.Response answer = http.postBytes("/api/v1/addresses/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv", planner);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("rows").asInt()).isEqualTo(3);
    assertThat(answer.json().get("replaced").asInt()).isEqualTo(before.size());
    assertThat(answer.json().get("added").asInt()).isEqualTo(3 - before.size());
    assertThat(first("试验新路7号2号楼").get("building").asString()).isEqualTo(last.get(1));
    assertThat(first("试验小区1号楼2单元").get("building").asString()).as("a compound's alias").isEqualTo(last.get(0));
    assertThat(first("旧试验路9号").get("building").asString()).as("an old road name").isEqualTo(last.get(2));
    assertThat(first("syxl9").get("building").asString()).as("pinyin initials: shi yan xin lu").isEqualTo(last.get(2));
    JsonNode item = http.get("/ogcapi/collections/buildings/items/" + last.get(1), "Accept", "application/geo+json").json();
    assertThat(item.at("/properties/address").asString()).isEqualTo("试验新路7号2号楼");
  }

  @Test
  void aDryRunStoresNothing() {
    String csv = HEADER + last.get(0) + ",预演路,1,1,,,\n";
    Http.Response answer = http.postBytes("/api/v1/addresses/import?dryRun=true", csv.getBytes(StandardCharsets.UTF_8), "text/csv", planner);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("dryRun").asBoolean()).isTrue();
    assertThat(answer.json().get("rows").asInt()).isEqualTo(1);
    assertThat(http.get("/api/v1/geocode?q=" + GeocodeContract.enc("预演路1号")).status()).isEqualTo(404);
  }

  @Test
  void badRowsAreNamedByRowAndColumnAndNothingIsStored() {
    String csv = HEADER
        + last.get(0) + ",不应存路,1,1,,,\n"
        + "NO-SUCH-BUILDING,不应存路,2,,,,\n"
        + last.get(1) + ",不应存路,abc,1,0,,\n"
        + last.get(0) + ",不应存路,3,,,,\n";
    Http.Response refused = http.postBytes("/api/v1/addresses/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv", planner);
    assertThat(refused.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + " " + e.get("reason").asString()));
    assertThat(fields).hasSize(4);
    assertThat(fields.get(0)).startsWith("rows[1].building_code").contains("line 3");
    assertThat(fields.get(1)).startsWith("rows[2].number").contains("line 4");
    assertThat(fields.get(2)).startsWith("rows[2].units").contains("line 4");
    assertThat(fields.get(3)).startsWith("rows[3].building_code").contains("twice", "line 5");
    assertThat(http.get("/api/v1/geocode?q=" + GeocodeContract.enc("不应存路1号")).status()).as("the good row is not stored either").isEqualTo(404);

    byte[] book = RosterFiles.xlsx(List.of(List.of("楼栋编码", "路名", "门牌号"), List.of(last.get(0), "不应存路", "x1")));
    Http.Response inBook = http.upload("/api/v1/addresses/import", "addresses.xlsx", RosterFiles.XLSX, book, planner);
    assertThat(inBook.json().at("/errors/0/field").asString()).isEqualTo("rows[0].number");
    assertThat(inBook.json().at("/errors/0/reason").asString()).contains("spreadsheet row 2");
    Http.Response noRoad = http.postBytes("/api/v1/addresses/import", "楼栋编码,门牌号\nB1,1\n".getBytes(StandardCharsets.UTF_8), "text/csv", planner);
    assertThat(noRoad.json().at("/errors/0/field").asString()).isEqualTo("file");
    assertThat(noRoad.json().at("/errors/0/reason").asString()).contains("路名 road");
    Http.Response resident = http.postBytes("/api/v1/addresses/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
        Http.basic("resident", TestEnvironment.DEMO_PASSWORD));
    assertThat(resident.status()).isEqualTo(403);
  }

  @Test
  void theExportImportsBackUnchanged() {
    Http.Response csv = http.get("/api/v1/addresses/export?f=csv", planner);
    assertThat(csv.status()).isEqualTo(200);
    long rows = csv.body().lines().count() - 1;
    assertThat(rows).isEqualTo(register.all().size());
    Http.Response back = http.postBytes("/api/v1/addresses/import", csv.body().getBytes(StandardCharsets.UTF_8), "text/csv", planner);
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().get("rows").asLong()).isEqualTo(rows);
    assertThat(back.json().get("added").asInt()).isZero();
    assertThat(http.get("/api/v1/addresses/export?f=csv", planner).body()).isEqualTo(csv.body());

    byte[] xlsx = bytes("/api/v1/addresses/export?f=xlsx", planner);
    Http.Response xlsxBack = http.upload("/api/v1/addresses/import?dryRun=true", "addresses.xlsx", RosterFiles.XLSX, xlsx, planner);
    assertThat(xlsxBack.status()).as(xlsxBack.body()).isEqualTo(200);
    assertThat(xlsxBack.json().get("rows").asLong()).isEqualTo(rows);
    assertThat(xlsxBack.json().get("added").asInt()).isZero();
    assertThat(http.get("/api/v1/addresses/export?f=csv").status()).as("signed in only").isEqualTo(401);
    assertThat(http.get("/api/v1/addresses/export?f=pdf", planner).json().at("/errors/0/field").asString()).isEqualTo("f");
  }

  /** A binary answer as bytes (the test client's {@link Http} reads text). */
  byte[] bytes(String path, String... headers) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url(path))).headers(headers).GET().build();
      var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).isEqualTo(200);
      return answer.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode first(String q) {
    Http.Response r = http.get("/api/v1/geocode?q=" + GeocodeContract.enc(q));
    assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
    return r.json().get("results").get(0);
  }
}
