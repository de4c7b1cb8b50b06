package org.gridwatch.media;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code media} rows and their bytes ({@code media_content}: ORIGINAL, PUBLIC, THUMBNAIL). Plain JDBC: the
 * bytes are read only when a copy is served, never when a case lists its photos. Callers hold the transaction.
 */
@Component
class MediaStore {
  enum Variant { ORIGINAL, PUBLIC, THUMBNAIL }

  /** A stored photo without its bytes. */
  record Row(long id, String publicId, long incidentId, MediaKind kind, String contentType, long bytes, Integer width,
      Integer height, String publicType, Instant uploadedAt, String uploadedBy, String requestHash) {}

  /** One stored copy. */
  record Content(String contentType, byte[] bytes) {}

  private static final String COLUMNS = "id, public_id, incident_id, kind, content_type, bytes, width, height, public_type, "
      + "uploaded_at, uploaded_by, request_hash";
  private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
      MediaKind.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getObject(7, Integer.class),
      rs.getObject(8, Integer.class), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));

  private final JdbcTemplate jdbc;
  private volatile String nextIdQuery;

  MediaStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  List<Row> ofCase(long incidentId) {
    return jdbc.query("select " + COLUMNS + " from media where incident_id = ? order by uploaded_at, id", ROW, incidentId);
  }

  Optional<Row> find(long incidentId, String publicId) {
    return jdbc.query("select " + COLUMNS + " from media where incident_id = ? and public_id = ?", ROW, incidentId, publicId)
        .stream().findFirst();
  }

  Optional<Row> byKey(long incidentId, String idempotencyKey) {
    return jdbc.query("select " + COLUMNS + " from media where incident_id = ? and idem_key = ?", ROW, incidentId, idempotencyKey)
        .stream().findFirst();
  }

  int count(long incidentId, String uploadedBy) {
    Integer n = uploadedBy == null
        ? jdbc.queryForObject("select count(*) from media where incident_id = ?", Integer.class, incidentId)
        : jdbc.queryForObject("select count(*) from media where incident_id = ? and uploaded_by = ?", Integer.class, incidentId, uploadedBy);
    return n == null ? 0 : n;
  }

  /** Inserts the row and its copies (the public copy and thumbnail only when there are some). */
  Row insert(Row row, String idempotencyKey, byte[] original, byte[] publicCopy, byte[] thumbnail) {
    long id = jdbc.queryForObject(nextId(), Long.class);
    jdbc.update("insert into media (id, public_id, incident_id, kind, content_type, bytes, width, height, public_type, uploaded_at, "
        + "uploaded_by, idem_key, request_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, row.publicId(), row.incidentId(),
        row.kind().name(), row.contentType(), row.bytes(), row.width(), row.height(), row.publicType(), Timestamp.from(row.uploadedAt()),
        row.uploadedBy(), idempotencyKey, row.requestHash());
    content(id, Variant.ORIGINAL, original);
    if (publicCopy != null) content(id, Variant.PUBLIC, publicCopy);
    if (thumbnail != null) content(id, Variant.THUMBNAIL, thumbnail);
    return new Row(id, row.publicId(), row.incidentId(), row.kind(), row.contentType(), row.bytes(), row.width(), row.height(),
        row.publicType(), row.uploadedAt(), row.uploadedBy(), row.requestHash());
  }

  Optional<byte[]> bytes(long mediaId, Variant variant) {
    return jdbc.query("select content from media_content where media_id = ? and variant = ?", (rs, n) -> rs.getBytes(1),
        mediaId, variant.name()).stream().findFirst();
  }

  private void content(long mediaId, Variant variant, byte[] bytes) {
    jdbc.update("insert into media_content (media_id, variant, content) values (?, ?, ?)", ps -> {
      ps.setLong(1, mediaId);
      ps.setString(2, variant.name());
      ps.setBytes(3, bytes);
    });
  }

  /** The next id from {@code media_seq}, in the dialect of the database (asked once). */
  private String nextId() {
    if (nextIdQuery == null) {
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      nextIdQuery = "PostgreSQL".equals(product) ? "select nextval('media_seq')" : "select next value for media_seq";
    }
    return nextIdQuery;
  }
}
