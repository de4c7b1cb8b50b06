package org.gridwatch.address;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.support.DemoFiles;
import org.locationtech.jts.geom.Point;

/**
 * Geocoding throughput and latency on the demo's 10,566 addresses (made from the buildings' names as the demo does),
 * against a baseline measured in the same run: the same queries as {@code full_text LIKE '%q%'} over JDBC on an
 * in-memory H2 table of the same addresses (no network, so the baseline's best case). Queries: 2,000 sampled
 * addresses, each in six forms (full, full-width, road + number, "128-3" with pinyin initials, compound + building,
 * a mistyped road), seeded. Prints p50/p95 latency, queries per second on one thread, and how often each finds the
 * right building in its first ten answers. Run by {@code ./mvnw -Pbench}; see docs/benchmarks.md.
 */
public final class GeocodeBenchmark {
  private static final Pattern NAME = Pattern.compile("^(.+?)(\\d+)号院(\\d+)号楼$");

  private GeocodeBenchmark() {}

  record Query(String text, String building) {}

  static final List<String> FORMS = List.of("full + unit", "full-width", "road + number", "pinyin 128-3", "compound + building",
      "mistyped road");

  public static void main(String[] args) throws Exception {
    List<AddressIndex.Entry> entries = new ArrayList<>();
    for (DemoFiles.Feature f : DemoFiles.read("buildings")) {
      Matcher m = NAME.matcher(f.name());
      if (!m.matches()) continue;
      Point p = (Point) f.geometry();
      AddressLine line = new AddressLine(f.code(), m.group(1), m.group(2), m.group(3), 2, m.group(1) + m.group(2) + "号院", List.of());
      entries.add(new AddressIndex.Entry(line, p.getX(), p.getY(), null, null));
    }
    long buildStart = System.nanoTime();
    AddressIndex index = new AddressIndex(entries);
    long firstBuildNanos = System.nanoTime() - buildStart; // with the pinyin table and NFKC data loading
    buildStart = System.nanoTime();
    index = new AddressIndex(entries);
    long buildNanos = System.nanoTime() - buildStart;
    List<Query> queries = queries(entries, 2000, new Random(370203));

    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:geocode-baseline")) {
      load(db, entries);
      PreparedStatement like = db.prepareStatement("SELECT building_code FROM address WHERE full_text LIKE ? LIMIT 10");
      // warm-up both
      for (int round = 0; round < 3; round++) {
        for (Query q : queries) { index.search(q.text(), 10); baseline(like, q.text()); }
      }
      long[] ours = new long[queries.size()], theirs = new long[queries.size()];
      int oursFound = 0, theirsFound = 0;
      for (int i = 0; i < queries.size(); i++) {
        Query q = queries.get(i);
        long s = System.nanoTime();
        List<AddressIndex.Hit> hits = index.search(q.text(), 10);
        ours[i] = System.nanoTime() - s;
        if (hits.stream().anyMatch(h -> h.entry().line().buildingCode().equals(q.building()))) oursFound++;
        s = System.nanoTime();
        List<String> rows = baseline(like, q.text());
        theirs[i] = System.nanoTime() - s;
        if (rows.contains(q.building())) theirsFound++;
      }
      long oursTotal = Arrays.stream(ours).sum(), theirsTotal = Arrays.stream(theirs).sum();
      System.out.printf("geocode benchmark: %,d addresses, %,d queries, index built in %.0f ms (first build in the JVM %.0f ms)%n",
          entries.size(), queries.size(), buildNanos / 1e6, firstBuildNanos / 1e6);
      System.out.printf("  in-memory index: p50 %.3f ms, p95 %.3f ms, %,.0f queries/s (1 thread), right building in top 10: %.1f %%%n",
          pct(ours, 50), pct(ours, 95), queries.size() * 1e9 / oursTotal, 100.0 * oursFound / queries.size());
      System.out.printf("  SQL LIKE (H2 in memory): p50 %.3f ms, p95 %.3f ms, %,.0f queries/s (1 thread), right building in top 10: %.1f %%%n",
          pct(theirs, 50), pct(theirs, 95), queries.size() * 1e9 / theirsTotal, 100.0 * theirsFound / queries.size());
      System.out.printf("  ratio (throughput, index / LIKE): %.1fx%n", (double) theirsTotal / oursTotal);
      for (int form = 0; form < FORMS.size(); form++) {
        int f = form;
        long[] mine = java.util.stream.IntStream.range(0, queries.size()).filter(i -> i % FORMS.size() == f).mapToLong(i -> ours[i]).toArray();
        long[] base = java.util.stream.IntStream.range(0, queries.size()).filter(i -> i % FORMS.size() == f).mapToLong(i -> theirs[i]).toArray();
        System.out.printf("    %-22s index p50 %.3f / p95 %.3f ms   LIKE p50 %.3f / p95 %.3f ms%n", FORMS.get(f),
            pct(mine, 50), pct(mine, 95), pct(base, 50), pct(base, 95));
      }
    }
  }

  static List<Query> queries(List<AddressIndex.Entry> entries, int n, Random random) {
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AddressLine a = entries.get(random.nextInt(entries.size())).line();
      String code = a.buildingCode();
      String full = a.road() + a.number() + "号" + a.building() + "号楼";
      out.add(new Query(full + "1单元", code));
      out.add(new Query(GeocodeContract.fullWidth(full), code));
      out.add(new Query(a.road() + a.number() + "号", code));
      out.add(new Query(PinyinInitials.of(a.road()) + a.number() + "-" + a.building(), code));
      out.add(new Query(a.compound() + a.building() + "号楼", code));
      out.add(new Query("某" + a.road().substring(1) + a.number() + "号" + a.building() + "号楼", code));
    }
    return out;
  }

  private static void load(Connection db, List<AddressIndex.Entry> entries) throws Exception {
    db.createStatement().execute("CREATE TABLE address (building_code VARCHAR(40) PRIMARY KEY, full_text VARCHAR(200) NOT NULL,"
        + " lon DOUBLE PRECISION, lat DOUBLE PRECISION)");
    db.createStatement().execute("CREATE INDEX address_text_idx ON address (full_text)");
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO address VALUES (?, ?, ?, ?)")) {
      for (AddressIndex.Entry e : entries) {
        insert.setString(1, e.line().buildingCode());
        insert.setString(2, e.line().text(null));
        insert.setDouble(3, e.lon());
        insert.setDouble(4, e.lat());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<String> baseline(PreparedStatement like, String q) throws Exception {
    like.setString(1, "%" + q.replaceAll("\\d+单元$", "") + "%"); // the table holds no units: spare the baseline them
    List<String> out = new ArrayList<>();
    try (ResultSet r = like.executeQuery()) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }

  private static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
