package org.gridwatch.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.organisation.PropertyCompanies;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
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
  private volatile CompoundIndex compounds;

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

  /** The compound holding the point, by the current catalog (the first by name where outlines overlap), or null. */
  String compoundAt(Point point) {
    AreaCatalog.Snapshot now = areas.now();
    CompoundIndex index = compounds;
    if (index == null || index.generation() != now.generation()) compounds = index = CompoundIndex.of(now);
    String found = null;
    for (Object o : index.tree().query(new Envelope(point.getCoordinate()))) {
      CompoundView c = (CompoundView) o;
      if ((found == null || c.name().compareTo(found) < 0) && c.holds(point.getX(), point.getY())) found = c.name();
    }
    return found;
  }

  /** The catalog's compounds by outline (a scan of every compound per report was a tenth of intake's CPU). */
  private record CompoundIndex(long generation, STRtree tree) {
    static CompoundIndex of(AreaCatalog.Snapshot snapshot) {
      STRtree tree = new STRtree();
      for (CompoundView c : snapshot.compounds()) tree.insert(c.outline().getEnvelopeInternal(), c);
      tree.build();
      return new CompoundIndex(snapshot.generation(), tree);
    }
  }
}
