package org.gridwatch.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many registered volunteers and social workers live in each area (by home grid), against the area's residents
 * as the hierarchy holds them: counts only, no person, so it is public. A person counts from the day they registered;
 * a home grid no longer in the current hierarchy counts nowhere.
 */
@Service
public class VolunteerDensity {
  /** One area's figures; {@code per1000}: volunteers per 1,000 residents (2 decimals), null where nobody lives. */
  public record AreaDensity(String code, String name, String nameEn, int residents, int volunteers, int socialWorkers,
      BigDecimal per1000) {}

  /** The answer of {@code GET /api/v1/volunteers/density}: the shape every capability's per-area figures share. */
  public record Answer(String level, LocalDate from, LocalDate to, List<AreaDensity> areas) {}

  private final VolunteerStore store;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final Clock clock;

  VolunteerDensity(VolunteerStore store, AreaCatalog catalog, DistrictProfile district, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.district = district;
    this.clock = clock;
  }

  /** The figures of every area of the level, in code order, counting people registered by the end of {@code to}. */
  @Transactional(readOnly = true)
  public Answer at(AreaLevel level, LocalDate from, LocalDate to) {
    LocalDate day = to != null ? to : LocalDate.now(clock.withZone(district.timeZone()));
    Instant until = day.plusDays(1).atStartOfDay(district.timeZone()).toInstant();
    AreaCatalog.Snapshot now = catalog.now();
    Map<String, int[]> counts = new HashMap<>();
    store.countsByGrid(until).forEach((grid, c) -> now.find(grid).filter(g -> g.level() == AreaLevel.GRID).ifPresent(g -> {
      for (AreaView a : now.chain(g)) {
        if (a.level() == level) {
          int[] sum = counts.computeIfAbsent(a.code(), k -> new int[2]);
          sum[0] += c[0];
          sum[1] += c[1];
        }
      }
    }));
    List<AreaDensity> out = new ArrayList<>();
    for (AreaView a : now.level(level).stream().sorted(java.util.Comparator.comparing(AreaView::code)).toList()) {
      int[] c = counts.getOrDefault(a.code(), new int[2]);
      BigDecimal per1000 = a.residents() <= 0 ? null
          : BigDecimal.valueOf(c[VolunteerKind.VOLUNTEER.ordinal()] * 1000L).divide(BigDecimal.valueOf(a.residents()), 2, RoundingMode.HALF_UP);
      out.add(new AreaDensity(a.code(), a.name(), a.nameEn(), a.residents(), c[VolunteerKind.VOLUNTEER.ordinal()],
          c[VolunteerKind.SOCIAL_WORKER.ordinal()], per1000));
    }
    return new Answer(level.name().toLowerCase(java.util.Locale.ROOT), from, day, List.copyOf(out));
  }
}
