package org.gridwatch.organisation;

import java.time.ZoneOffset;
import org.gridwatch.area.DayPeriod;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations per area and period ({@code GET /api/v1/organisations/measures}), the shape every capability's per-area
 * figures share. {@code incubated}: social organisations placed in the area that entered incubation (INCUBATING) in the
 * period; {@code graduated}: those that graduated in it; {@code organisations}: organisations serving inside the area
 * on at least one day of the period (a community-wide service counts in each of its grids). Days are the district's.
 */
@Service
class OrganisationMeasures {
  /** The answer: the level and period asked for, one row per current area of that level, by code. */
  record Answer(String level, LocalDate from, LocalDate to, List<AreaFigures> areas) {}

  record AreaFigures(String code, String name, int residents, int incubated, int graduated, int organisations) {}

  private final OrganisationRepository organisations;
  private final ServiceAreaRepository serviceAreas;
  private final ServedPlaces places;
  private final AreaCatalog catalog;
  private final Organisations register;

  OrganisationMeasures(OrganisationRepository organisations, ServiceAreaRepository serviceAreas, ServedPlaces places,
      AreaCatalog catalog, Organisations register) {
    this.organisations = organisations;
    this.serviceAreas = serviceAreas;
    this.places = places;
    this.catalog = catalog;
    this.register = register;
  }

  @Transactional(readOnly = true)
  Answer measure(String levelName, String fromText, String toText) {
    AreaLevel level = DayPeriod.level(levelName);
    LocalDate today = register.today();
    // Only the days count here (stages and service areas are dated), so the zone of the instants does not matter.
    DayPeriod period = DayPeriod.parse(fromText, toText, ZoneOffset.UTC, today.minusDays(364), today);
    LocalDate from = period.from(), to = period.to();
    AreaCatalog.Snapshot s = catalog.now();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (AreaView a : s.level(level)) counts.put(a.code(), new int[3]);
    for (Organisation o : organisations.findAll()) {
      Set<String> at = placeCodes(o, level);
      if (in(o.getIncubatingOn(), from, to)) at.forEach(c -> bump(counts, c, 0));
      if (in(o.getGraduatedOn(), from, to)) at.forEach(c -> bump(counts, c, 1));
      Set<String> served = new HashSet<>();
      for (ServiceArea a : serviceAreas.findByOrganisationIdOrderByValidFromAscIdAsc(o.getId())) {
        if (a.overlaps(from, to)) places.find(a.getKind(), a.getCode()).ifPresent(p -> served.addAll(codes(s, p, level)));
      }
      served.forEach(c -> bump(counts, c, 2));
    }
    List<AreaFigures> rows = s.level(level).stream().map(a -> {
      int[] c = counts.get(a.code());
      return new AreaFigures(a.code(), a.name(), a.residents(), c[0], c[1], c[2]);
    }).toList();
    return new Answer(level.name().toLowerCase(Locale.ROOT), from, to, rows);
  }

  private Set<String> placeCodes(Organisation o, AreaLevel level) {
    Point p = o.getPlace();
    if (p == null) return Set.of();
    return places.gridAt(p.getX(), p.getY()).map(g -> codes(catalog.now(), g, level)).orElse(Set.of());
  }

  /** The codes at {@code level} a place lies in or covers. */
  private static Set<String> codes(AreaCatalog.Snapshot s, ServedPlace p, AreaLevel level) {
    return switch (level) {
      case GRID -> {
        Set<String> grids = new HashSet<>(p.grids());
        if (p.kind() == ServiceAreaKind.COMMUNITY) s.children(p.code()).forEach(g -> grids.add(g.code()));
        yield grids;
      }
      case COMMUNITY -> new HashSet<>(p.communities());
      default -> new HashSet<>(p.subdistricts());
    };
  }

  private static void bump(Map<String, int[]> counts, String code, int i) {
    int[] c = counts.get(code);
    if (c != null) c[i]++;
  }

  private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
