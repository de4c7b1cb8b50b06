package org.gridwatch.volunteer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit of full-record reads: who read whose record, acting in which role, when. */
@Component
class RecordReads {
  /** One read of a person's full record. */
  record RecordRead(String reader, String role, Instant at) {}

  private final JdbcTemplate jdbc;

  RecordReads(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Writes the read; called inside the transaction that reads the record, so no read goes unrecorded. */
  void record(long volunteerId, String reader, String role, Instant at) {
    jdbc.update("INSERT INTO volunteer_record_read (volunteer_id, reader, reader_role, read_at) VALUES (?, ?, ?, ?)",
        volunteerId, reader, role, Timestamp.from(at));
  }

  /** The reads of a person's record, newest first. */
  List<RecordRead> of(long volunteerId) {
    return jdbc.query("SELECT reader, reader_role, read_at FROM volunteer_record_read WHERE volunteer_id = ? ORDER BY read_at DESC, id DESC",
        (rs, i) -> new RecordRead(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), volunteerId);
  }
}
