package org.gridwatch.need;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs recorded by hand (a survey, a council's topic, a visit) for a grid, community or subdistrict. Checked whole
 * before the one row is written, so a refused record leaves nothing behind; the row is committed before the answer.
 */
@Component
class RecordedNeeds {
  static final int MAX_LISTED = 500;

  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final NeedCategories categories;
  private final Clock clock;

  RecordedNeeds(JdbcTemplate jdbc, AreaCatalog catalog, NeedCategories categories, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.categories = categories;
    this.clock = clock;
  }

  @Transactional
  RecordedNeed record(RecordedNeedRequest body, String account) {
    AreaView area = catalog.now().find(body.area().strip()).filter(a -> a.level() != AreaLevel.DISTRICT)
        .orElseThrow(() -> unprocessable("area", Text.of("need.unknown-area", body.area().strip())));
    String category = body.category().strip();
    if (!categories.exists(category)) throw unprocessable("category", Text.of("need.unknown-category", category));
    long id = nextId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String evidence = body.evidence() == null || body.evidence().isBlank() ? null : body.evidence().strip();
    jdbc.update("INSERT INTO need_record (id, area_code, area_level, category_code, source, description, evidence,"
        + " residents_affected, recorded_by, recorded_at, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
        id, area.code(), area.level().name(), category, body.source().name(), body.description().strip(), evidence,
        body.residentsAffected(), account, Timestamp.from(now));
    return find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  Optional<RecordedNeed> find(long id) {
    return jdbc.query(SELECT + " WHERE id = ?", row(), id).stream().findFirst();
  }

  /**
   * The newest needs recorded for an area (and the areas inside it; null: everywhere) and a category (null: all), at
   * most {@link #MAX_LISTED}.
   */
  @Transactional(readOnly = true)
  List<RecordedNeed> list(AreaView area, String category) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    if (category != null) {
      sql.append(" AND category_code = ?");
      args.add(category);
    }
    if (area != null) {
      Set<String> codes = within(area);
      sql.append(" AND area_code IN (").append(codes.stream().map(c -> "?").collect(Collectors.joining(","))).append(")");
      args.addAll(codes);
    }
    sql.append(" ORDER BY recorded_at DESC, id DESC LIMIT ").append(MAX_LISTED);
    return jdbc.query(sql.toString(), row(), args.toArray());
  }

  /** The area's code and the codes of every area inside it. */
  private Set<String> within(AreaView area) {
    AreaCatalog.Snapshot s = catalog.now();
    Set<String> out = new java.util.HashSet<>();
    List<AreaView> todo = new ArrayList<>(List.of(area));
    while (!todo.isEmpty()) {
      AreaView a = todo.remove(todo.size() - 1);
      out.add(a.code());
      todo.addAll(s.children(a.code()));
    }
    return out;
  }

  private static final String SELECT = "SELECT id, area_code, area_level, category_code, source, description, evidence,"
      + " residents_affected, recorded_by, recorded_at, synthetic FROM need_record";

  private RowMapper<RecordedNeed> row() {
    AreaCatalog.Snapshot s = catalog.now();
    return (rs, i) -> {
      Optional<AreaView> a = s.find(rs.getString(2));
      Object affected = rs.getObject(8);
      return new RecordedNeed(rs.getLong(1), rs.getString(2), rs.getString(3), a.map(AreaView::name).orElse(null),
          a.map(AreaView::nameEn).orElse(null), rs.getString(4), NeedSource.valueOf(rs.getString(5)), rs.getString(6),
          rs.getString(7), affected == null ? null : ((Number) affected).intValue(), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11));
    };
  }

  private long nextId() {
    boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
    return jdbc.queryForObject(postgres ? "SELECT nextval('need_record_seq')" : "SELECT NEXT VALUE FOR need_record_seq", Long.class);
  }

  private static ProblemException unprocessable(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-need", "Invalid need", Text.of("need.invalid"),
        List.of(new ProblemException.FieldError(field, reason)));
  }
}
