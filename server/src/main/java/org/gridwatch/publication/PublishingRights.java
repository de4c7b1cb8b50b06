package org.gridwatch.publication;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Actor;
import org.gridwatch.organisation.OrganisationPlaces;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.springframework.stereotype.Component;

/**
 * Who may publish where (first match): the command centre (ADMIN, OPERATOR) anywhere as the district's officer;
 * subdistrict staff in their subdistrict and below; community staff in their community and its grids; grid workers in
 * their own grids; property and organisation staff in the communities and grids their organisation serves. Reviewing
 * and withdrawing are for an officer over the area at the community level or above ({@link #officerOver}).
 */
@Component
class PublishingRights {
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final OrganisationPlaces organisations;

  PublishingRights(AreaCatalog catalog, DistrictProfile district, OrganisationPlaces organisations) {
    this.catalog = catalog;
    this.district = district;
    this.organisations = organisations;
  }

  /** As whom the actor publishes for this area, or empty when they may not. */
  Optional<Publisher> publisherFor(Actor a, AreaView area, LocalDate day) {
    Optional<AreaLevel> officer = officerOver(a, area);
    if (officer.isPresent()) return Optional.of(new Publisher(PublisherKind.OFFICER, officer.get(), office(a, officer.get(), area), null));
    var scope = a.scope().orElse(null);
    if (a.has(Role.GRID_WORKER) && scope != null && area.level() == AreaLevel.GRID && scope.grids().contains(area.code())) {
      return Optional.of(new Publisher(PublisherKind.OFFICER, AreaLevel.GRID, area.name() + "信息员", null));
    }
    boolean property = a.has(Role.PROPERTY_STAFF), organisation = a.has(Role.ORGANISATION_STAFF);
    if ((property || organisation) && (area.level() == AreaLevel.GRID || area.level() == AreaLevel.COMMUNITY)) {
      Optional<OrganisationPlaces.Serving> own = organisations.servingAs(a.username(), area.code(), day);
      if (own.isPresent()) {
        return Optional.of(new Publisher(property ? PublisherKind.PROPERTY_COMPANY : PublisherKind.ORGANISATION, null,
            own.get().name(), own.get().organisationId()));
      }
    }
    return Optional.empty();
  }

  /**
   * The level at which the actor is an officer over the area (DISTRICT for the command centre, their subdistrict's or
   * community's level when the area lies in it), or empty.
   */
  Optional<AreaLevel> officerOver(Actor a, AreaView area) {
    if (a.commandCentre()) return Optional.of(AreaLevel.DISTRICT);
    var scope = a.scope().orElse(null);
    if (scope == null) return Optional.empty();
    List<String> chain = catalog.now().chain(area).stream().map(AreaView::code).toList();
    if (a.has(Role.SUBDISTRICT_STAFF) && scope.duty() == Duty.SUBDISTRICT_STAFF && chain.contains(scope.unitCode())) {
      return Optional.of(AreaLevel.SUBDISTRICT);
    }
    if (a.has(Role.COMMUNITY_STAFF) && scope.duty() == Duty.COMMUNITY_STAFF && chain.contains(scope.unitCode())) {
      return Optional.of(AreaLevel.COMMUNITY);
    }
    return Optional.empty();
  }

  /** Whether the actor may act for a publication of this area and publisher level: an officer at that level or above. */
  boolean atOrAbove(Actor a, AreaView area, AreaLevel publisherLevel) {
    AreaLevel needed = publisherLevel == null ? AreaLevel.GRID : publisherLevel;
    return officerOver(a, area).map(l -> l.ordinal() <= needed.ordinal()).orElse(false);
  }

  /** Whether the actor may see the area's unpublished items: any publishing right over it. */
  boolean inScope(Actor a, AreaView area, LocalDate day) { return publisherFor(a, area, day).isPresent(); }

  /**
   * The areas the actor may publish for, top down: the command centre the district, its subdistricts and communities
   * (grids by their community's code prefix would be a thousand choices: a grid notice is the grid's own officers');
   * officers their unit and every area in it; grid workers their grids; companies and organisations what they serve.
   */
  List<AreaView> publishable(Actor a, LocalDate day) {
    var now = catalog.now();
    List<AreaView> out = new java.util.ArrayList<>();
    if (a.commandCentre()) {
      out.addAll(now.level(AreaLevel.DISTRICT));
      out.addAll(now.level(AreaLevel.SUBDISTRICT));
      out.addAll(now.level(AreaLevel.COMMUNITY));
      return out;
    }
    var scope = a.scope().orElse(null);
    if (scope != null && (a.has(Role.SUBDISTRICT_STAFF) || a.has(Role.COMMUNITY_STAFF))) {
      now.find(scope.unitCode()).filter(u -> officerOver(a, u).isPresent()).ifPresent(u -> addTree(now, u, out));
      if (!out.isEmpty()) return out;
    }
    if (a.has(Role.GRID_WORKER) && scope != null) {
      scope.grids().stream().sorted().forEach(g -> now.find(g).ifPresent(out::add));
      return out;
    }
    if (a.has(Role.PROPERTY_STAFF) || a.has(Role.ORGANISATION_STAFF)) {
      for (AreaView c : now.level(AreaLevel.COMMUNITY)) {
        if (organisations.servingAs(a.username(), c.code(), day).isEmpty()) continue;
        out.add(c);
        for (AreaView g : now.children(c.code())) {
          if (organisations.servingAs(a.username(), g.code(), day).isPresent()) out.add(g);
        }
      }
    }
    return out;
  }

  /**
   * The code prefixes of the areas the actor may manage (codes nest, so an area's own begin with its code), or null for
   * the command centre (everywhere): narrows a status list in SQL before {@link #inScope} decides each row.
   */
  List<String> scopePrefixes(Actor a, LocalDate day) {
    if (a.commandCentre()) return null;
    var scope = a.scope().orElse(null);
    if (scope != null && (a.has(Role.SUBDISTRICT_STAFF) || a.has(Role.COMMUNITY_STAFF))) return List.of(scope.unitCode());
    return publishable(a, day).stream().map(AreaView::code).toList();
  }

  private static void addTree(AreaCatalog.Snapshot now, AreaView area, List<AreaView> out) {
    out.add(area);
    if (area.level() == AreaLevel.GRID) return;
    now.children(area.code()).stream().sorted(java.util.Comparator.comparing(AreaView::code)).forEach(c -> addTree(now, c, out));
  }

  /** The office an officer publishes as: the level's unit over the area (e.g. XX社区居委会). */
  private String office(Actor a, AreaLevel level, AreaView area) {
    if (level == AreaLevel.DISTRICT) return district.name(false) + "人民政府";
    String unit = a.scope().map(s -> s.unitCode()).orElse(area.code());
    String name = catalog.now().find(unit).map(AreaView::name).orElse(area.name());
    return level == AreaLevel.SUBDISTRICT ? name + "办事处" : name + "居委会";
  }
}
