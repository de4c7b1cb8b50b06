package org.gridwatch.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.governance.GovernanceAnswers.BodyRef;
import org.gridwatch.governance.GovernanceAnswers.PartyMemberAnswer;
import org.gridwatch.governance.GovernanceRequests.NewPartyMember;
import org.gridwatch.privacy.Masks;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party members (党员) registered with a party organisation, and 双报到: employed elsewhere, reporting to their home
 * community since a day, with the service they signed up for. The phone is kept sealed; a keyed hash of name and
 * phone makes the same person twice a 409, also when two registrations race.
 */
@Service
class PartyMembers {
  private final GovernanceStore store;
  private final Bodies bodies;
  private final AreaCatalog areas;
  private final GovernanceAccess access;
  private final PersonalData personal;
  private final Clock clock;

  PartyMembers(GovernanceStore store, Bodies bodies, AreaCatalog areas, GovernanceAccess access, PersonalData personal, Clock clock) {
    this.store = store;
    this.bodies = bodies;
    this.areas = areas;
    this.access = access;
    this.personal = personal;
    this.clock = clock;
  }

  @Transactional
  long register(NewPartyMember r, GovernanceAccess.Caller caller) {
    String phone = r.phone().replaceAll("\\s", "");
    String community = r.homeCommunity().strip();
    String grid = r.homeGrid() == null || r.homeGrid().isBlank() ? null : r.homeGrid().strip();
    boolean dual = Boolean.TRUE.equals(r.dualReport());
    String service = r.service() == null || r.service().isBlank() ? null : r.service().strip();
    List<FieldError> errors = new ArrayList<>();
    if (!phone.matches(Memberships.PHONE)) errors.add(new FieldError("phone", Text.of("governance.phone-format")));
    Optional<BodyView> org = bodies.find(r.organisation()).filter(b -> b.kind().party());
    if (org.isEmpty()) errors.add(new FieldError("organisation", Text.of("governance.not-party-organisation", String.valueOf(r.organisation()))));
    AreaCatalog.Snapshot s = areas.now();
    boolean knownCommunity = s.find(community).filter(a -> a.level() == AreaLevel.COMMUNITY).isPresent();
    if (!knownCommunity) errors.add(new FieldError("homeCommunity", Text.of("governance.unknown-community", community)));
    if (grid != null && s.find(grid).filter(a -> a.level() == AreaLevel.GRID).map(AreaView::parentCode).filter(community::equals).isEmpty()) {
      errors.add(new FieldError("homeGrid", Text.of("governance.grid-not-in-community", grid, community)));
    }
    if (dual && r.reportedOn() == null) errors.add(new FieldError("reportedOn", Text.of("governance.dual-report-needs", "reportedOn")));
    if (dual && service == null) errors.add(new FieldError("service", Text.of("governance.dual-report-needs", "service")));
    if (!errors.isEmpty()) throw invalid(errors);
    access.requireWrite(caller, community);
    String hash = personal.lookupHash(r.name().strip() + "\n" + phone);
    if (store.personTaken(hash)) throw duplicate();
    GovernanceStore.PartyMemberRow row = new GovernanceStore.PartyMemberRow(0, r.name().strip(), r.organisation(), personal.seal(phone),
        community, grid, r.employer() == null || r.employer().isBlank() ? null : r.employer().strip(), dual,
        dual ? r.reportedOn() : null, dual ? service : null);
    try {
      return store.insertPartyMember(row, hash, clock.instant());
    } catch (DuplicateKeyException raced) {
      throw duplicate();
    }
  }

  @Transactional(readOnly = true)
  PartyMemberAnswer view(long id) {
    return store.partyMember(id).map(this::answer).orElseThrow(() -> ProblemException.notFound("unknown-party-member",
        "Unknown party member", Text.of("governance.unknown-party-member", String.valueOf(id))));
  }

  @Transactional(readOnly = true)
  List<PartyMemberAnswer> list(String community, Boolean dualReport) {
    return store.partyMembers(community, dualReport).stream().map(this::answer).toList();
  }

  private PartyMemberAnswer answer(GovernanceStore.PartyMemberRow r) {
    BodyRef org = bodies.find(r.bodyId()).map(b -> new BodyRef(b.id(), b.kind(), b.name())).orElse(null);
    return new PartyMemberAnswer(r.id(), r.name(), Masks.phone(personal.open(r.phoneSealed())), org, r.homeCommunity(), r.homeGrid(),
        r.employer(), r.dualReport(), r.reportedOn(), r.service());
  }

  private static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-party-member", "Invalid party member",
        Text.of("governance.invalid-party-member"), errors);
  }

  private static ProblemException duplicate() {
    return new ProblemException(HttpStatus.CONFLICT, "duplicate-party-member", "Already registered",
        Text.of("governance.party-member-registered"), List.of(new FieldError("phone", Text.of("governance.same-name-and-phone"))));
  }
}
