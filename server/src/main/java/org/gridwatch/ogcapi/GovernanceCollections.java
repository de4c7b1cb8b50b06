package org.gridwatch.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.governance.GovernanceAnswers.GridBranch;
import org.gridwatch.governance.GovernanceLayers;
import org.gridwatch.governance.PartyCoverage;
import org.gridwatch.security.Audiences;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bodies} (public: each active body of self-governance or of the party as the outline of the area it serves,
 * with kind, name, members in term and constitution day; no persons) and {@code party-coverage} (staff: every grid
 * with its party branch, if any, and the party members living there). Read on each request: few, and they change.
 */
@Component
class GovernanceCollections {
  private final GovernanceLayers layers;
  private final PartyCoverage coverage;
  private final AreaCatalog catalog;
  private final JsonMapper mapper;

  GovernanceCollections(GovernanceLayers layers, PartyCoverage coverage, AreaCatalog catalog, JsonMapper mapper) {
    this.layers = layers;
    this.coverage = coverage;
    this.catalog = catalog;
    this.mapper = mapper;
  }

  /** A collection whose items are read when asked for (not when the collection is only listed). */
  private record Live(String id, String title, String description, Map<String, String> filterParams, Envelope extent,
      Set<Role> readers, Supplier<List<FeatureItem>> items) implements FeatureSource {
    @Override public Instant firstValidFrom() { return null; }
    @Override public boolean isPublic() { return readers.isEmpty(); }
    @Override public Page page(ItemsQuery q) { return FeatureCollection.pageOf(items.get(), q); }
    @Override public Optional<FeatureItem> item(String id) { return items.get().stream().filter(i -> i.id().equals(id)).findFirst(); }
  }

  List<FeatureSource> all() {
    Envelope district = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> district.expandToInclude(a.boundary().getEnvelopeInternal()));
    return List.of(
        new Live("bodies", "Bodies 议事与党组织",
            "Each body of self-governance or of the party active today, as the area it serves (community, grid or compound), with its kind, name, members in term and the day it was constituted",
            FeatureSource.params("kind", "RESIDENTS_CONGRESS, RESIDENTS_COMMITTEE, SUPERVISION_COMMITTEE, GRID_COUNCIL, COMPOUND_COUNCIL, PARTY_COMMITTEE, PARTY_BRANCH or PARTY_GROUP",
                "community", "community code"),
            district, Set.of(), this::bodies),
        new Live("party-coverage", "Party coverage 党组织覆盖",
            "Every grid with whether a party branch serves it, the branch's name and the party members living there (of them 双报到)",
            FeatureSource.params("community", "community code", "hasBranch", "true or false"), district, Audiences.STAFF, this::grids));
  }

  private List<FeatureItem> bodies() {
    List<FeatureItem> out = new ArrayList<>();
    for (GovernanceLayers.MappedBody m : layers.activeBodies()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", m.body().id());
      p.put("kind", m.body().kind().name());
      p.put("name", m.body().name());
      p.put("areaKind", m.body().areaKind().name());
      p.put("area", m.body().areaCode());
      p.put("areaName", m.areaName());
      p.put("community", m.body().communityCode());
      p.put("grid", m.body().gridCode());
      p.put("membersInTerm", m.membersInTerm());
      p.put("constitutedOn", m.body().constitutedOn().toString());
      String id = String.valueOf(m.body().id());
      out.add(item(id, String.format("%019d", m.body().id()), m.outline(), p,
          Map.of("kind", m.body().kind().name(), "community", m.body().communityCode())));
    }
    return out;
  }

  private List<FeatureItem> grids() {
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureItem> out = new ArrayList<>();
    for (GridBranch g : coverage.grids()) {
      AreaView grid = s.find(g.grid()).orElse(null);
      if (grid == null) continue;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("grid", g.grid());
      p.put("name", g.name());
      p.put("community", grid.parentCode());
      p.put("hasBranch", g.branch() != null);
      p.put("branch", g.branch() == null ? null : g.branch().id());
      p.put("branchName", g.branch() == null ? null : g.branch().name());
      p.put("partyMembers", g.partyMembers());
      p.put("dualReportMembers", g.dualReportMembers());
      out.add(item(g.grid(), g.grid(), grid.boundary(), p,
          Map.of("community", grid.parentCode(), "hasBranch", String.valueOf(g.branch() != null))));
    }
    return out;
  }

  private FeatureItem item(String id, String sortKey, Geometry g, Map<String, Object> p, Map<String, String> filters) {
    String etag = "\"" + Integer.toHexString(id.hashCode()) + "-" + Integer.toHexString(31 * p.hashCode() + g.hashCode()) + "\"";
    return FeatureItem.of(mapper, id, sortKey, g, p, filters, null, etag);
  }
}
