package org.gridwatch.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The State Council schedules shipped with the server, {@code classpath:calendar/cn-<year>.json}: only years
 * whose notice was checked against a published source. Dates are ISO dates or inclusive ranges {@code a..b}.
 */
public final class ShippedSchedules {
  private record File(int year, String source, List<String> holidays, List<String> workdays) {}

  private ShippedSchedules() {}

  public static List<YearSchedule> read() {
    JsonMapper json = JsonMapper.builder().build();
    List<YearSchedule> out = new ArrayList<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn-*.json")) {
        try (InputStream in = r.getInputStream()) {
          File f = json.readValue(in, File.class);
          out.add(YearSchedule.of(f.year(), dates(f.holidays()), dates(f.workdays()), f.source()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped calendars", e);
    }
    out.sort(Comparator.comparingInt(YearSchedule::year));
    return List.copyOf(out);
  }

  static Set<LocalDate> dates(List<String> specs) {
    Set<LocalDate> out = new HashSet<>();
    for (String spec : specs) {
      String[] range = spec.split("\\.\\.");
      LocalDate from = LocalDate.parse(range[0].trim()), to = range.length > 1 ? LocalDate.parse(range[1].trim()) : from;
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) out.add(d);
    }
    return out;
  }
}
