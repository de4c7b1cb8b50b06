package org.gridwatch.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.organisation.PropertyCompanies;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * 物业优先: where a new case goes before the grid. A case of a property-first category placed inside a compound that
 * a property company serves on the day it is reported (the district's calendar day) goes to that company; any other
 * case, and every case of other categories, goes on as before. Also names the compound a case lies in.
 */
@Component
class PropertyFirst {
  private final PropertyCompanies companies;
  private final AreaCatalog areas;
  private final DistrictProfile district;

  PropertyFirst(PropertyCompanies companies, AreaCatalog areas, DistrictProfile district) {
    this.companies = companies;
    this.areas = areas;
    this.district = district;
  }

  /** The company a case of category {@code c} at {@code point} goes to first, if any. */
  Optional<PropertyCompanies.Serving> companyFor(Category c, RequestType type, Point point, Instant now) {
    // a consultation is answered by the command centre, not sent to be handled
    if (!c.isPropertyFirst() || type == RequestType.CONSULT) return Optional.empty();
    return companies.servingAt(point, LocalDate.ofInstant(now, district.timeZone()));
  }

  /** The compound holding the point, by the current catalog, or null. */
  String compoundAt(Point point) {
    return areas.now().compoundAt(point.getX(), point.getY()).map(CompoundView::name).orElse(null);
  }
}
