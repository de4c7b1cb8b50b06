package org.gridwatch.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The volunteer tables, in plain SQL: a person's row with its sealed and masked personal data, their skills and
 * weekly availability. Callers hold the transaction.
 */
@Component
class VolunteerStore {
  /** A stored person: the masked forms for lists, the sealed ones only for the audited full record. */
  record Row(long id, VolunteerKind kind, String name, String homeGrid, String username, String idNumberMasked,
      String phoneMasked, String idNumberSealed, String phoneSealed, int starLevel, CertificateLevel certificateLevel,
      Long organisation, Instant registered) {}

  /** What a registration writes. */
  record NewRow(VolunteerKind kind, String name, String homeGrid, String idNumberSealed, String idNumberHash,
      String idNumberMasked, String phoneSealed, String phoneMasked, int starLevel, CertificateLevel certificateLevel,
      Long organisation, String username, List<String> skills, List<Availability> availability) {}

  private static final String COLUMNS = "v.id, v.kind, v.name, v.home_grid, v.username, v.id_number_masked, v.phone_masked, "
      + "v.id_number_cipher, v.phone_cipher, v.star_level, v.certificate_level, v.organisation_id, v.created_at";

  private final JdbcTemplate jdbc;
  private volatile String nextIdQuery;

  VolunteerStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Writes new people with their skills and availability in a few batches; answers their ids in order. */
  List<Long> insertAll(List<NewRow> rows, Instant now) {
    List<Long> ids = nextIds(rows.size());
    Timestamp at = Timestamp.from(now);
    List<Object[]> people = new ArrayList<>(), skills = new ArrayList<>(), windows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      NewRow r = rows.get(i);
      long id = ids.get(i);
      people.add(new Object[] {id, r.kind().name(), r.name(), r.homeGrid(), r.username(), at, r.idNumberSealed(), r.idNumberHash(),
          r.idNumberMasked(), r.phoneSealed(), r.phoneMasked(), r.starLevel(),
          r.certificateLevel() == null ? null : r.certificateLevel().name(), r.organisation()});
      r.skills().forEach(s -> skills.add(new Object[] {id, s}));
      r.availability().forEach(a -> windows.add(new Object[] {id, a.weekday(), java.sql.Time.valueOf(a.from()), java.sql.Time.valueOf(a.to())}));
    }
    jdbc.batchUpdate("""
        INSERT INTO volunteer (id, kind, name, home_grid, username, created_at, id_number_cipher, id_number_hash,
          id_number_masked, phone_cipher, phone_masked, star_level, certificate_level, organisation_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", people);
    if (!skills.isEmpty()) jdbc.batchUpdate("INSERT INTO volunteer_skill (volunteer_id, skill) VALUES (?, ?)", skills);
    if (!windows.isEmpty()) jdbc.batchUpdate("INSERT INTO volunteer_availability (volunteer_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", windows);
    return ids;
  }

  /**
   * {@code n} new ids: {@code volunteer_seq} steps by 50, and each value it gives starts a block of 50 ids that is
   * this caller's alone (the value itself and the 49 after it).
   */
  private List<Long> nextIds(int n) {
    List<Long> out = new ArrayList<>(n);
    while (out.size() < n) {
      long first = jdbc.queryForObject(nextId(), Long.class);
      for (long id = first; id < first + 50 && out.size() < n; id++) out.add(id);
    }
    return out;
  }

  boolean hashTaken(String idNumberHash) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE id_number_hash = ?", Integer.class, idNumberHash);
    return n != null && n > 0;
  }

  boolean anyRegistered() {
    return !jdbc.queryForList("SELECT id FROM volunteer WHERE id_number_hash IS NOT NULL FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
  }

  boolean organisationExists(long id) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE id = ?", Integer.class, id);
    return n != null && n > 0;
  }

  Optional<Row> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM volunteer v WHERE v.id = ?", VolunteerStore::row, id).stream().findFirst();
  }

  Optional<Row> findByUsername(String username) {
    return jdbc.query("SELECT " + COLUMNS + " FROM volunteer v WHERE v.username = ?", VolunteerStore::row, username).stream().findFirst();
  }

  /** People by home grid, skill and kind (each null: any), in id order. */
  List<Row> list(String grid, String skill, VolunteerKind kind) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM volunteer v WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (grid != null) { sql.append(" AND v.home_grid = ?"); args.add(grid); }
    if (kind != null) { sql.append(" AND v.kind = ?"); args.add(kind.name()); }
    if (skill != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer_id = v.id AND s.skill = ?)");
      args.add(skill);
    }
    return jdbc.query(sql.append(" ORDER BY v.id").toString(), VolunteerStore::row, args.toArray());
  }

  /** How many people of each kind have each home grid, registered before {@code until}. */
  Map<String, int[]> countsByGrid(Instant until) {
    Map<String, int[]> out = new HashMap<>();
    jdbc.query("SELECT home_grid, kind, COUNT(*) FROM volunteer WHERE home_grid IS NOT NULL AND created_at < ? GROUP BY home_grid, kind",
        rs -> {
          int[] c = out.computeIfAbsent(rs.getString(1), k -> new int[2]);
          c[VolunteerKind.valueOf(rs.getString(2)).ordinal()] += rs.getInt(3);
        }, Timestamp.from(until));
    return out;
  }

  void replaceSkills(long id, List<String> skills) {
    jdbc.update("DELETE FROM volunteer_skill WHERE volunteer_id = ?", id);
    addSkills(id, skills);
  }

  /** The skills of a person who has none yet, in one batch. */
  private void addSkills(long id, List<String> skills) {
    if (skills.isEmpty()) return;
    jdbc.batchUpdate("INSERT INTO volunteer_skill (volunteer_id, skill) VALUES (?, ?)",
        skills.stream().map(s -> new Object[] {id, s}).toList());
  }

  void replaceAvailability(long id, List<Availability> windows) {
    jdbc.update("DELETE FROM volunteer_availability WHERE volunteer_id = ?", id);
    addAvailability(id, windows);
  }

  /** The windows of a person who has none yet, in one batch. */
  private void addAvailability(long id, List<Availability> windows) {
    if (windows.isEmpty()) return;
    jdbc.batchUpdate("INSERT INTO volunteer_availability (volunteer_id, weekday, starts, ends) VALUES (?, ?, ?, ?)",
        windows.stream().map(a -> new Object[] {id, a.weekday(), java.sql.Time.valueOf(a.from()), java.sql.Time.valueOf(a.to())}).toList());
  }

  void setStarLevel(long id, int level) { jdbc.update("UPDATE volunteer SET star_level = ? WHERE id = ?", level, id); }

  /** Skills of these people, each list sorted. */
  Map<Long, List<String>> skills(List<Long> ids) {
    Map<Long, List<String>> out = new HashMap<>();
    forChunks(ids, (in, args) -> jdbc.query("SELECT volunteer_id, skill FROM volunteer_skill WHERE volunteer_id IN (" + in
        + ") ORDER BY volunteer_id, skill", rs -> { out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); }, args));
    return out;
  }

  /** Availability of these people, by weekday then start. */
  Map<Long, List<Availability>> availability(List<Long> ids) {
    Map<Long, List<Availability>> out = new HashMap<>();
    forChunks(ids, (in, args) -> jdbc.query("SELECT volunteer_id, weekday, starts, ends FROM volunteer_availability WHERE volunteer_id IN ("
        + in + ") ORDER BY volunteer_id, weekday, starts", rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Availability(rs.getInt(2),
              rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
        }, args));
    return out;
  }

  private static void forChunks(List<Long> ids, java.util.function.BiConsumer<String, Object[]> query) {
    for (int i = 0; i < ids.size(); i += 500) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      query.accept(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")), chunk.toArray());
    }
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    String cert = rs.getString(11);
    long org = rs.getLong(12);
    Long organisation = rs.wasNull() ? null : org;
    return new Row(rs.getLong(1), VolunteerKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
        cert == null ? null : CertificateLevel.valueOf(cert), organisation, rs.getTimestamp(13).toInstant());
  }

  /** The next id of {@code volunteer_seq}, in the database's dialect (asked once). */
  private String nextId() {
    if (nextIdQuery == null) {
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      nextIdQuery = "PostgreSQL".equals(product) ? "SELECT nextval('volunteer_seq')" : "SELECT NEXT VALUE FOR volunteer_seq";
    }
    return nextIdQuery;
  }
}
