package org.gridwatch.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The body of {@code PUT /api/v1/calendar/{year}}: every holiday and every make-up working day of the year as
 * ISO dates ({@code 2027-02-06}), and where they come from (the notice). Replaces the year's schedule whole.
 */
public record CalendarYearRequest(String[] holidays, String[] workdays, String source) {
  // Arrays, not List<String>: Jackson 3.1 reads a nested array inside a List<String> as a trailing-token error
  // on the whole body; into String[] it names the element (workdays[0]: must be a string).
  static final int MAX_DATES = 200, MAX_SOURCE = 400;

  /** The schedule this asks for, or a 400 naming every offending field (nothing is stored then). */
  YearSchedule validate(int year) {
    List<String> holidays = this.holidays == null ? null : java.util.Arrays.asList(this.holidays);
    List<String> workdays = this.workdays == null ? null : java.util.Arrays.asList(this.workdays);
    List<FieldError> errors = new ArrayList<>();
    Set<LocalDate> off = dates("holidays", holidays, year, errors);
    Set<LocalDate> on = dates("workdays", workdays, year, errors);
    if (workdays != null) {
      for (int i = 0; i < workdays.size(); i++) {
        LocalDate d = parse(workdays.get(i));
        if (d != null && off.contains(d)) {
          errors.add(new FieldError("workdays[" + i + "]", say(d + " 同时被列为放假日，一天不能既放假又上班",
              d + " is also listed in holidays; a day cannot be both")));
        }
      }
    }
    if (source == null || source.isBlank()) errors.add(new FieldError("source", say("必填：发布该安排的通知", "is required: the notice that publishes the schedule")));
    else if (source.length() > MAX_SOURCE) errors.add(new FieldError("source", say("最多 " + MAX_SOURCE + " 个字符", "at most " + MAX_SOURCE + " characters")));
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return YearSchedule.of(year, off, on, source.strip());
  }

  static void checkYear(int year) {
    if (year < 2000 || year > 2100) throw ProblemException.badInput("year", say("年份须在 2000 至 2100 之间", "must be between 2000 and 2100"));
  }

  private static Set<LocalDate> dates(String field, List<String> values, int year, List<FieldError> errors) {
    Set<LocalDate> out = new HashSet<>();
    if (values == null) {
      errors.add(new FieldError(field, say("必填（可为空数组）", "is required (may be an empty array)")));
      return out;
    }
    if (values.size() > MAX_DATES) {
      errors.add(new FieldError(field, say("最多 " + MAX_DATES + " 个日期", "at most " + MAX_DATES + " dates")));
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      String f = field + "[" + i + "]";
      LocalDate d = parse(values.get(i));
      if (d == null) errors.add(new FieldError(f, say("不是日期（格式 YYYY-MM-DD）", "is not a date (YYYY-MM-DD)")));
      else if (d.getYear() != year) errors.add(new FieldError(f, say(d + " 不在 " + year + " 年内", d + " is not in " + year)));
      else out.add(d);
    }
    return out;
  }

  private static LocalDate parse(String s) {
    if (s == null) return null;
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The reason in the reader's language (Accept-Language), Chinese or English. */
  static String say(String zh, String en) {
    Locale l = LocaleContextHolder.getLocale();
    return l != null && "zh".equals(l.getLanguage()) ? zh : en;
  }
}
