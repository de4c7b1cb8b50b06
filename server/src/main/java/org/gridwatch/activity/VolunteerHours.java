package org.gridwatch.activity;

import org.gridwatch.area.DayPeriod;

import static org.gridwatch.activity.ActivityStore.instant;
import static org.gridwatch.activity.ActivityStore.ts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gridwatch.activity.ActivityAnswers.HoursEntry;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer's credited hours in a period (signed in within it, signed out), activity by activity. A VOLUNTEER
 * reads their own (the default for them); organisers and staff read anyone's.
 */
@Service
public class VolunteerHours {
  private final JdbcTemplate jdbc;
  private final ActivityAccess access;
  private final DistrictProfile district;
  private final Clock clock;

  VolunteerHours(JdbcTemplate jdbc, ActivityAccess access, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.district = district;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ActivityAnswers.VolunteerHours of(Long volunteer, String from, String to, Authentication auth) {
    Long me = access.volunteerOf(auth).orElse(null);
    Long who = volunteer != null ? volunteer : me;
    if (who == null) throw ProblemException.badInput("volunteer", Text.of("activity.volunteer-required"));
    if (!ActivityAccess.readsAllAttendance(auth) && !who.equals(me)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("activity.only-own-hours"), List.of());
    }
    String name = jdbc.queryForList("SELECT name FROM volunteer WHERE id = ?", String.class, who).stream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("no-such-volunteer", "Unknown volunteer", Text.of("activity.no-volunteer", who)));
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    DayPeriod p = DayPeriod.parse(from, to, district.timeZone(), today.minusYears(1).plusDays(1), today);
    List<HoursEntry> entries = jdbc.query("""
        SELECT a.activity_id, t.title, a.signed_in, a.signed_out, a.minutes, a.hours FROM attendance a
          JOIN activity t ON t.id = a.activity_id
         WHERE a.volunteer_id = ? AND a.signed_in >= ? AND a.signed_in < ? AND a.signed_out IS NOT NULL
         ORDER BY a.signed_in, a.activity_id""",
        (rs, i) -> new HoursEntry(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getInt(5), rs.getBigDecimal(6)),
        who, ts(p.start()), ts(p.end()));
    BigDecimal total = entries.stream().map(HoursEntry::hours).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
    return new ActivityAnswers.VolunteerHours(who, name, p.from(), p.to(), total, entries.size(), entries);
  }
}
