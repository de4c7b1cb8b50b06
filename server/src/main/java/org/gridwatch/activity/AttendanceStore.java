package org.gridwatch.activity;

import static org.gridwatch.activity.ActivityStore.instant;
import static org.gridwatch.activity.ActivityStore.ts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridwatch.activity.ActivityAnswers.Attendance;
import org.gridwatch.activity.ActivityAnswers.Correction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The attendance and correction tables. Runs in the caller's transaction. */
@Component
class AttendanceStore {
  private final JdbcTemplate jdbc;

  AttendanceStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  List<Attendance> of(long activity) {
    return jdbc.query("""
        SELECT a.volunteer_id, v.name, a.signed_in, a.signed_out, a.minutes, a.hours FROM attendance a
          JOIN volunteer v ON v.id = a.volunteer_id WHERE a.activity_id = ? ORDER BY a.signed_in, a.volunteer_id""",
        (rs, i) -> new Attendance(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
            rs.getObject(5) == null ? null : rs.getInt(5), rs.getBigDecimal(6)), activity);
  }

  Optional<Attendance> find(long activity, long volunteer) {
    return of(activity).stream().filter(a -> a.volunteer() == volunteer).findFirst();
  }

  /** Inserts a sign-in; the key (activity, volunteer) refuses a second one, even one racing this. */
  void signIn(long activity, long volunteer, Instant at, double lon, double lat, String by) {
    jdbc.update("INSERT INTO attendance (activity_id, volunteer_id, signed_in, in_lon, in_lat, signed_in_by) VALUES (?, ?, ?, ?, ?, ?)",
        activity, volunteer, ts(at), lon, lat, by);
  }

  /** Records a sign-out unless one is already there; answers whether this one was recorded. */
  boolean signOut(long activity, long volunteer, Instant at, double lon, double lat, String by, int minutes, BigDecimal hours) {
    return jdbc.update("""
        UPDATE attendance SET signed_out = ?, out_lon = ?, out_lat = ?, signed_out_by = ?, minutes = ?, hours = ?
         WHERE activity_id = ? AND volunteer_id = ? AND signed_out IS NULL""",
        ts(at), lon, lat, by, minutes, hours, activity, volunteer) == 1;
  }

  /** Sets an attendance's times and hours as corrected (inserting it when the volunteer never signed in). */
  void correct(long activity, long volunteer, boolean exists, Instant in, Instant out, int minutes, BigDecimal hours, String by) {
    if (exists) {
      jdbc.update("UPDATE attendance SET signed_in = ?, signed_out = ?, minutes = ?, hours = ? WHERE activity_id = ? AND volunteer_id = ?",
          ts(in), ts(out), minutes, hours, activity, volunteer);
    } else {
      jdbc.update("""
          INSERT INTO attendance (activity_id, volunteer_id, signed_in, signed_out, signed_in_by, signed_out_by, minutes, hours)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", activity, volunteer, ts(in), ts(out), by, by, minutes, hours);
    }
  }

  long audit(long activity, long volunteer, Attendance before, Instant in, Instant out, BigDecimal hours, String reason, String by, Instant at) {
    long id = jdbc.queryForObject("SELECT nextval('attendance_correction_seq')", Long.class);
    jdbc.update("""
        INSERT INTO attendance_correction (id, activity_id, volunteer_id, before_signed_in, before_signed_out, before_hours,
          signed_in, signed_out, hours, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, activity, volunteer, before == null ? null : ts(before.signedIn()), before == null ? null : ts(before.signedOut()),
        before == null ? null : before.hours(), ts(in), ts(out), hours, reason, by, ts(at));
    return id;
  }

  List<Correction> corrections(long activity, long volunteer) {
    return jdbc.query("""
        SELECT id, activity_id, volunteer_id, before_signed_in, before_signed_out, before_hours, signed_in, signed_out, hours,
               reason, corrected_by, corrected_at FROM attendance_correction WHERE activity_id = ? AND volunteer_id = ? ORDER BY id""",
        (rs, i) -> new Correction(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4), instant(rs, 5), rs.getBigDecimal(6),
            instant(rs, 7), instant(rs, 8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11), instant(rs, 12)),
        activity, volunteer);
  }

  /** Whether the volunteer exists; their name if so. */
  Optional<String> volunteerName(long volunteer) {
    return jdbc.queryForList("SELECT name FROM volunteer WHERE id = ?", String.class, volunteer).stream().findFirst();
  }
}
