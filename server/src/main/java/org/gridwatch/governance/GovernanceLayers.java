package org.gridwatch.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bodies by area for the map adapters: each body active today with the outline of what it serves (the community's or
 * grid's boundary, or the compound's outline) and its members in term. Bodies whose area is gone are left out.
 */
@Component
public class GovernanceLayers {
  /** A body on the map. */
  public record MappedBody(BodyView body, String areaName, Geometry outline, int membersInTerm) {}

  private final Bodies bodies;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  GovernanceLayers(Bodies bodies, AreaCatalog areas, DistrictProfile district, Clock clock) {
    this.bodies = bodies;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<MappedBody> activeBodies() {
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    Map<Long, Integer> inTerm = bodies.membersInTermCounts(today);
    AreaCatalog.Snapshot s = areas.now();
    List<MappedBody> out = new ArrayList<>();
    for (BodyView b : bodies.where(null, null, null, today)) {
      Optional<Geometry> outline;
      String name;
      if (b.areaKind() == BodyArea.COMPOUND) {
        outline = s.compounds().stream().filter(c -> c.name().equals(b.areaCode())).findFirst().map(CompoundView::outline);
        name = b.areaCode();
      } else {
        outline = s.find(b.areaCode()).map(a -> a.boundary());
        name = s.find(b.areaCode()).map(a -> a.name()).orElse(b.areaCode());
      }
      outline.ifPresent(g -> out.add(new MappedBody(b, name, g, inTerm.getOrDefault(b.id(), 0))));
    }
    return out;
  }
}
