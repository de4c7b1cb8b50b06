package org.gridwatch.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.governance.GovernanceRequests.NewBody;
import org.gridwatch.governance.GovernanceRequests.RulesRequest;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Constitutes and dissolves bodies. Every field is checked before anything is written (422 naming it); the area
 * decides the community and grid; one active body of a kind per area (409, also when two come at once: the body's
 * active key is unique).
 */
@Service
class BodyRegister {
  private final GovernanceStore store;
  private final Bodies bodies;
  private final AreaCatalog areas;
  private final GovernanceAccess access;
  private final DistrictProfile district;
  private final Clock clock;

  BodyRegister(GovernanceStore store, Bodies bodies, AreaCatalog areas, GovernanceAccess access, DistrictProfile district,
      Clock clock) {
    this.store = store;
    this.bodies = bodies;
    this.areas = areas;
    this.access = access;
    this.district = district;
    this.clock = clock;
  }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  /** The area a body serves, resolved: its code (or compound name), display name, community and grid. */
  record Place(String area, String name, String community, String grid) {}

  @Transactional
  long constitute(NewBody r, GovernanceAccess.Caller caller) {
    List<FieldError> errors = new ArrayList<>();
    if (!serves(r.kind(), r.areaKind())) {
      errors.add(new FieldError("areaKind", Text.of("governance.area-kind-not-for-kind", r.areaKind().name(), r.kind().name())));
    }
    Optional<Place> place = place(r.areaKind(), r.area().strip());
    if (place.isEmpty()) errors.add(new FieldError("area", Text.of("governance.unknown-area", r.area().strip(), r.areaKind().name())));
    if (!errors.isEmpty()) throw invalid(errors);
    Place p = place.get();
    access.requireWrite(caller, p.community());
    LocalDate constituted = r.constitutedOn() == null ? today() : r.constitutedOn();
    parentError(r.kind(), r.parent(), p, constituted).ifPresent(errors::add);
    if (!errors.isEmpty()) throw invalid(errors);

    if (store.activeBodies(r.kind(), r.areaKind(), p.area(), constituted) > 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-body", "Body exists",
          Text.of("governance.duplicate-body", r.kind().name(), p.area()), List.of(new FieldError("kind",
              Text.of("governance.active-body-here"))));
    }
    BodyView b = new BodyView(0, r.kind(), r.name().strip(), r.areaKind(), p.area(), p.community(), p.grid(), r.parent(),
        rules(r.kind(), r.rules()), constituted, null);
    try {
      return store.insertBody(b, caller.username(), clock.instant());
    } catch (org.springframework.dao.DuplicateKeyException raced) { // constituted at the same moment, or the same name before
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-body", "Body exists",
          Text.of("governance.duplicate-body", r.kind().name(), p.area()), List.of(new FieldError("kind",
              Text.of("governance.active-body-here"))));
    }
  }

  @Transactional
  void dissolve(long id, LocalDate on, GovernanceAccess.Caller caller) {
    BodyView b = bodies.find(id).orElseThrow(() -> noBody(id));
    access.requireWrite(caller, b.communityCode());
    store.lockBody(id);
    b = bodies.find(id).orElseThrow(() -> noBody(id));
    LocalDate day = on == null ? today() : on;
    if (b.dissolvedOn() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "body-dissolved", "Body dissolved",
          Text.of("governance.already-dissolved", String.valueOf(id), b.dissolvedOn().toString()), List.of());
    }
    if (day.isBefore(b.constitutedOn())) {
      throw invalid(List.of(new FieldError("on", Text.of("governance.before-constituted", day.toString(), b.constitutedOn().toString()))));
    }
    store.dissolve(id, day);
  }

  /** Which areas a kind may serve: community bodies a community; grid councils a grid, branches a grid or community; compound councils and groups a compound or grid. */
  static boolean serves(BodyKind kind, BodyArea area) {
    return switch (kind) {
      case RESIDENTS_CONGRESS, RESIDENTS_COMMITTEE, SUPERVISION_COMMITTEE, PARTY_COMMITTEE -> area == BodyArea.COMMUNITY;
      case GRID_COUNCIL -> area == BodyArea.GRID;
      case PARTY_BRANCH -> area == BodyArea.GRID || area == BodyArea.COMMUNITY;
      case COMPOUND_COUNCIL, PARTY_GROUP -> area == BodyArea.COMPOUND || area == BodyArea.GRID;
    };
  }

  /** The kind's rules, with what the request gives in their place. */
  static BodyRules rules(BodyKind kind, RulesRequest given) {
    BodyRules d = kind.party() ? new BodyRules(Majority.MORE_THAN_HALF, Majority.MORE_THAN_HALF, PassBase.ALL_MEMBERS, false)
        : new BodyRules(Majority.MORE_THAN_HALF, Majority.MORE_THAN_HALF, PassBase.PRESENT, true);
    if (given == null) return d;
    return new BodyRules(given.quorum() == null ? d.quorum() : given.quorum(), given.passBy() == null ? d.passBy() : given.passBy(),
        given.passBase() == null ? d.passBase() : given.passBase(),
        given.consensusAllowed() == null ? d.consensusAllowed() : given.consensusAllowed());
  }

  Optional<Place> place(BodyArea kind, String area) {
    AreaCatalog.Snapshot s = areas.now();
    if (kind == BodyArea.COMPOUND) {
      Optional<CompoundView> c = s.compounds().stream().filter(x -> x.name().equals(area) && x.grid() != null).findFirst();
      return c.flatMap(x -> s.find(x.grid())).map(g -> new Place(area, area, g.parentCode(), g.code()));
    }
    AreaLevel level = kind == BodyArea.GRID ? AreaLevel.GRID : AreaLevel.COMMUNITY;
    Optional<AreaView> a = s.find(area).filter(x -> x.level() == level);
    return a.map(x -> new Place(x.code(), x.name(), level == AreaLevel.GRID ? x.parentCode() : x.code(),
        level == AreaLevel.GRID ? x.code() : null));
  }

  /** A branch needs a party committee above it, a group a branch, both active and of the same community; no other kind has one. */
  private Optional<FieldError> parentError(BodyKind kind, Long parent, Place p, LocalDate day) {
    BodyKind above = kind == BodyKind.PARTY_BRANCH ? BodyKind.PARTY_COMMITTEE : kind == BodyKind.PARTY_GROUP ? BodyKind.PARTY_BRANCH : null;
    if (above == null) {
      return parent == null ? Optional.empty() : Optional.of(new FieldError("parent", Text.of("governance.parent-not-allowed", kind.name())));
    }
    if (parent == null) return Optional.of(new FieldError("parent", Text.of("governance.parent-required", kind.name(), above.name())));
    Optional<BodyView> b = bodies.find(parent);
    if (b.isEmpty() || b.get().kind() != above || !b.get().communityCode().equals(p.community()) || !b.get().activeOn(day)) {
      return Optional.of(new FieldError("parent", Text.of("governance.parent-wrong", String.valueOf(parent), above.name())));
    }
    return Optional.empty();
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-body", "Invalid body", Text.of("governance.invalid"), errors);
  }

  static ProblemException noBody(long id) {
    return ProblemException.notFound("unknown-body", "Unknown body", Text.of("governance.no-body", String.valueOf(id)));
  }
}
