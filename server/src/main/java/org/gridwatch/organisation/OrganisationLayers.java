package org.gridwatch.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations as public map layers (the OGC collections {@code organisations} and {@code property-areas}): names,
 * kinds and where they serve today; never a contact, phone or address.
 */
@Service
public class OrganisationLayers {
  /** An organisation with the union of the outlines of the areas it serves today, and their codes. */
  public record ServiceOutline(long id, String name, OrganisationKind kind, Geometry outline, List<String> areas) {}

  /** A compound served by a property company today: its outline, the company, and the days of that service. */
  public record PropertyArea(String compound, Geometry outline, long organisation, String organisationName, LocalDate from,
      LocalDate to) {}

  private final OrganisationRepository organisations;
  private final ServiceAreaRepository areas;
  private final ServedPlaces places;
  private final Organisations register;

  OrganisationLayers(OrganisationRepository organisations, ServiceAreaRepository areas, ServedPlaces places, Organisations register) {
    this.organisations = organisations;
    this.areas = areas;
    this.places = places;
    this.register = register;
  }

  /** Organisations serving somewhere today, by id (those serving nowhere have no outline and are left out). */
  @Transactional(readOnly = true)
  public List<ServiceOutline> serviceOutlines() {
    LocalDate today = register.today();
    Map<Long, List<ServiceArea>> byOrganisation = areas.findAll().stream().filter(a -> a.servesOn(today))
        .collect(Collectors.groupingBy(ServiceArea::getOrganisationId));
    List<ServiceOutline> out = new ArrayList<>();
    for (Organisation o : organisations.findAll()) {
      List<ServedPlace> served = byOrganisation.getOrDefault(o.getId(), List.of()).stream()
          .map(a -> places.find(a.getKind(), a.getCode()).orElse(null)).filter(p -> p != null).toList();
      if (served.isEmpty()) continue;
      Geometry union = UnaryUnionOp.union(served.stream().map(ServedPlace::outline).toList(), Geometries.FACTORY);
      out.add(new ServiceOutline(o.getId(), o.getName(), o.getKind(), union,
          served.stream().map(ServedPlace::code).sorted().toList()));
    }
    out.sort(Comparator.comparingLong(ServiceOutline::id));
    return out;
  }

  /** Compounds a property company serves today, by compound name. */
  @Transactional(readOnly = true)
  public List<PropertyArea> propertyAreas() {
    LocalDate today = register.today();
    Map<Long, Organisation> companies = organisations.findAll().stream()
        .filter(o -> o.getKind() == OrganisationKind.PROPERTY_COMPANY)
        .collect(Collectors.toMap(Organisation::getId, Function.identity()));
    List<PropertyArea> out = new ArrayList<>();
    for (ServiceArea a : areas.findAll()) {
      Organisation o = companies.get(a.getOrganisationId());
      if (o == null || a.getKind() != ServiceAreaKind.COMPOUND || !a.servesOn(today)) continue;
      places.find(ServiceAreaKind.COMPOUND, a.getCode()).ifPresent(p -> out.add(new PropertyArea(p.code(), p.outline(),
          o.getId(), o.getName(), a.getValidFrom(), a.getValidTo())));
    }
    out.sort(Comparator.comparing(PropertyArea::compound));
    return out;
  }
}
