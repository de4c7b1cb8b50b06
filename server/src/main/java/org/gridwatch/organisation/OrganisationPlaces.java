package org.gridwatch.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the organisation an account acts for serves an area on a day: a service area that is the area, lies in it
 * or covers it (a community-wide service covers its grids; a compound lies in its grids and community). Read by other
 * capabilities (e.g. publications by property companies and organisations).
 */
@Component
public class OrganisationPlaces {
  /** The organisation an account acts for, when it serves the area. */
  public record Serving(long organisationId, String name) {}

  private final JdbcTemplate jdbc;
  private final OrganisationStaff staff;
  private final ServiceAreaRepository serviceAreas;
  private final ServedPlaces places;

  OrganisationPlaces(JdbcTemplate jdbc, OrganisationStaff staff, ServiceAreaRepository serviceAreas, ServedPlaces places) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.serviceAreas = serviceAreas;
    this.places = places;
  }

  /** The account's organisation, when it serves the grid or community with this code on the day. */
  @Transactional(readOnly = true)
  public Optional<Serving> servingAs(String username, String areaCode, LocalDate day) {
    Optional<Long> own = staff.organisationOf(username);
    if (own.isEmpty() || AreaLevel.ofCode(areaCode).filter(l -> l == AreaLevel.GRID || l == AreaLevel.COMMUNITY).isEmpty()) {
      return Optional.empty();
    }
    boolean serves = serviceAreas.findByOrganisationIdOrderByValidFromAscIdAsc(own.get()).stream()
        .filter(s -> !s.getValidFrom().isAfter(day) && (s.getValidTo() == null || !s.getValidTo().isBefore(day)))
        .anyMatch(s -> places.find(s.getKind(), s.getCode()).map(p -> p.reaches(areaCode)).orElse(false));
    if (!serves) return Optional.empty();
    List<String> names = jdbc.queryForList("SELECT name FROM organisation WHERE id = ?", String.class, own.get());
    return names.stream().findFirst().map(n -> new Serving(own.get(), n));
  }

  /** The name of an organisation, if there is one with the id. */
  public Optional<String> nameOf(long organisationId) {
    return jdbc.queryForList("SELECT name FROM organisation WHERE id = ?", String.class, organisationId).stream().findFirst();
  }
}
