package org.gridwatch.publication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.publication.PublicationRequests.GuideRequest;
import org.gridwatch.service.Sequences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The publication tables (V22): rows in and out, nothing decided here. */
@Component
class PublicationStore {
  /** One publication row. */
  record Row(long id, PublicationKind kind, String title, String body, PublisherKind publisherKind, AreaLevel publisherLevel,
      String publisherName, Long organisationId, String createdBy, AreaLevel areaLevel, String areaCode, LocalDate validFrom,
      LocalDate validTo, PublicationStatus status, String reviewNote, Instant publishedAt, String sourceKind, Long sourceId,
      long readCount, Instant updatedAt) {}

  private static final String COLUMNS = "id, kind, title, body, publisher_kind, publisher_level, publisher_name, organisation_id,"
      + " created_by, area_level, area_code, valid_from, valid_to, status, review_note, published_at, source_kind, source_id,"
      + " read_count, updated_at";
  private static final RowMapper<Row> ROW = PublicationStore::row;

  private final JdbcTemplate jdbc;
  private final Sequences sequences;

  PublicationStore(JdbcTemplate jdbc, Sequences sequences) {
    this.jdbc = jdbc;
    this.sequences = sequences;
  }

  long insert(Row r, Instant now) {
    long id = sequences.next("publication_seq");
    jdbc.update("INSERT INTO publication (" + COLUMNS.replace(", updated_at", "") + ", created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", id, r.kind().name(), r.title(), r.body(),
        r.publisherKind().name(), r.publisherLevel() == null ? null : r.publisherLevel().name(), r.publisherName(),
        r.organisationId(), r.createdBy(), r.areaLevel().name(), r.areaCode(), Date.valueOf(r.validFrom()),
        r.validTo() == null ? null : Date.valueOf(r.validTo()), r.status().name(), null,
        r.publishedAt() == null ? null : Timestamp.from(r.publishedAt()), r.sourceKind(), r.sourceId(), Timestamp.from(now),
        Timestamp.from(now));
    return id;
  }

  void insertGuide(long id, GuideRequest g) {
    jdbc.update("INSERT INTO service_guide (publication_id, item, eligibility, materials, service_point_id, hours, fees, time_limit,"
        + " contact_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, g.item(), g.eligibility(), g.materials(), g.servicePoint(),
        g.hours(), g.fees(), g.timeLimit(), g.contactPhone());
  }

  Optional<Row> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM publication WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** The row locked for a change of status (the same on H2 and PostgreSQL). */
  Optional<Row> lock(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM publication WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
  }

  /** The newest rows with a status written by {@code writer} or for an area under one of {@code prefixes} (null: anywhere). */
  List<Row> withStatus(PublicationStatus status, String writer, List<String> prefixes, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM publication WHERE status = ?");
    List<Object> args = new java.util.ArrayList<>(List.of(status.name()));
    if (prefixes != null) {
      sql.append(" AND (created_by = ?");
      args.add(writer);
      for (String p : prefixes) {
        sql.append(" OR area_code LIKE ?");
        args.add(p.replace("%", "").replace("_", "") + "%");
      }
      sql.append(")");
    }
    sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ").append(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  /** Moves the status; {@code published} also sets published_at, a {@code reviewer} the review columns. */
  void move(long id, PublicationStatus to, Instant now, boolean published, String reviewer, String note) {
    Timestamp at = Timestamp.from(now);
    jdbc.update("UPDATE publication SET status = ?, updated_at = ? WHERE id = ?", to.name(), at, id);
    if (published) jdbc.update("UPDATE publication SET published_at = ? WHERE id = ?", at, id);
    if (reviewer != null) jdbc.update("UPDATE publication SET reviewed_by = ?, reviewed_at = ? WHERE id = ?", reviewer, at, id);
    if (note != null) jdbc.update("UPDATE publication SET review_note = ? WHERE id = ?", note, id);
  }

  /** A service point's name and address, when it exists. */
  Optional<String[]> servicePoint(long id) {
    return jdbc.query("SELECT name, address FROM service_point WHERE id = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id)
        .stream().findFirst();
  }

  boolean decisionPublished(long id) {
    return !jdbc.queryForList("SELECT id FROM decision WHERE id = ? AND published_at IS NOT NULL", Long.class, id).isEmpty();
  }

  boolean projectExists(long id) {
    return !jdbc.queryForList("SELECT id FROM project WHERE id = ?", Long.class, id).isEmpty();
  }

  /** The bodies of these publications (for the feed, which carries the whole text). */
  java.util.Map<Long, String> bodies(List<Long> ids) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    if (ids.isEmpty()) return out;
    jdbc.query("SELECT id, body FROM publication WHERE id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
        (ResultSet rs) -> { out.put(rs.getLong(1), rs.getString(2)); }, ids.toArray());
    return out;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String level = rs.getString("publisher_level");
    Date to = rs.getDate("valid_to");
    Timestamp published = rs.getTimestamp("published_at");
    Object source = rs.getObject("source_id");
    return new Row(rs.getLong("id"), PublicationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
        PublisherKind.valueOf(rs.getString("publisher_kind")), level == null ? null : AreaLevel.valueOf(level),
        rs.getString("publisher_name"), rs.getObject("organisation_id") == null ? null : rs.getLong("organisation_id"),
        rs.getString("created_by"), AreaLevel.valueOf(rs.getString("area_level")), rs.getString("area_code"),
        rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(), PublicationStatus.valueOf(rs.getString("status")),
        rs.getString("review_note"), published == null ? null : published.toInstant(), rs.getString("source_kind"),
        source == null ? null : ((Number) source).longValue(), rs.getLong("read_count"), rs.getTimestamp("updated_at").toInstant());
  }
}
