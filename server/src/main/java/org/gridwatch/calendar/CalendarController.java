package org.gridwatch.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/calendar}: the working calendar of each year. Reading is public (holidays are public
 * knowledge); ADMIN replaces a year with PUT, and every change is audited ({@code /{year}/changes}, ADMIN).
 */
@RestController
class CalendarController {
  /** What the calendar knows: the published years and those SLA clocks need but lack. */
  record Overview(List<Integer> published, List<Integer> due) {}

  /** One year. When {@code published} is false the SLA clock counts every non-weekend day as a working day. */
  record YearView(int year, boolean published, List<LocalDate> holidays, List<LocalDate> workdays, String source,
      Instant updatedAt, String rule) {}

  record ChangeView(Instant at, String by, String role, String summary) {}

  private final YearSchedules schedules;

  CalendarController(YearSchedules schedules) { this.schedules = schedules; }

  @GetMapping("/api/v1/calendar")
  Overview overview() { return new Overview(schedules.published(), schedules.due()); }

  @GetMapping("/api/v1/calendar/{year}")
  YearView year(@PathVariable int year) {
    CalendarYearRequest.checkYear(year);
    return view(year);
  }

  @PutMapping("/api/v1/calendar/{year}")
  YearView put(@PathVariable int year, @RequestBody CalendarYearRequest body) {
    String admin = requireAdmin();
    CalendarYearRequest.checkYear(year);
    schedules.replace(body.validate(year), admin, "ADMIN");
    return view(year);
  }

  @GetMapping("/api/v1/calendar/{year}/changes")
  List<ChangeView> changes(@PathVariable int year) {
    requireAdmin();
    return schedules.changes(year).stream()
        .map(c -> new ChangeView(c.getChangedAt(), c.getChangedBy(), c.getActorRole(), c.getSummary())).toList();
  }

  private YearView view(int year) {
    return schedules.find(year)
        .map(s -> new YearView(year, true, List.copyOf(s.holidays()), List.copyOf(s.workdays()), s.source(),
            schedules.stored(year).map(CalendarYear::getUpdatedAt).orElse(null),
            CalendarYearRequest.say("按已发布的放假调休安排计算工作日", "working days follow the published schedule")))
        .orElseGet(() -> new YearView(year, false, List.of(), List.of(), null, null,
            CalendarYearRequest.say(year + " 年放假安排尚未录入：周一至周五按工作日计算",
                "the " + year + " schedule is not loaded: Monday to Friday count as working days")));
  }

  /** The signed-in admin's name, or a 403 saying what was refused. */
  private static String requireAdmin() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean admin = auth != null && auth.isAuthenticated()
        && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
    if (!admin) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          CalendarYearRequest.say("只有管理员（ADMIN）可以修改工作日历", "only ADMIN edits the working calendar"), List.of());
    }
    return auth.getName();
  }
}
