package org.gridwatch.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.governance.GovernanceRequests.NewMember;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of a body and their terms. A term must lie in the body's life and end after it starts (422 naming the
 * field); the same person twice with overlapping terms is a 409 — the same party member, volunteer or account, or the
 * same name and phone. The body's row is locked while checking and writing, so two additions cannot both pass.
 */
@Service
class Memberships {
  static final String PHONE = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}";

  private final GovernanceStore store;
  private final Bodies bodies;
  private final GovernanceAccess access;
  private final PersonalData personal;
  private final BodyRegister register;
  private final Clock clock;

  Memberships(GovernanceStore store, Bodies bodies, GovernanceAccess access, PersonalData personal, BodyRegister register,
      Clock clock) {
    this.store = store;
    this.bodies = bodies;
    this.access = access;
    this.personal = personal;
    this.register = register;
    this.clock = clock;
  }

  @Transactional
  long add(long bodyId, NewMember r, GovernanceAccess.Caller caller) {
    BodyView body = bodies.find(bodyId).orElseThrow(() -> BodyRegister.noBody(bodyId));
    access.requireWrite(caller, body.communityCode());
    store.lockBody(bodyId);
    LocalDate from = r.termFrom() == null ? body.constitutedOn() : r.termFrom();
    LocalDate to = r.termTo() == null ? body.dissolvedOn() : r.termTo();
    String phone = r.phone() == null || r.phone().isBlank() ? null : r.phone().replaceAll("\\s", "");
    List<FieldError> errors = new ArrayList<>();
    if (to != null && to.isBefore(from)) errors.add(new FieldError("termTo", Text.of("governance.term-order", to.toString(), from.toString())));
    if (from.isBefore(body.constitutedOn())) {
      errors.add(new FieldError("termFrom", Text.of("governance.term-before-body", from.toString(), body.constitutedOn().toString())));
    }
    if (body.dissolvedOn() != null && to != null && to.isAfter(body.dissolvedOn())) {
      errors.add(new FieldError("termTo", Text.of("governance.term-after-body", to.toString(), body.dissolvedOn().toString())));
    }
    if (phone != null && !phone.matches(PHONE)) errors.add(new FieldError("phone", Text.of("governance.phone-format")));
    if (r.partyMember() != null && !store.exists("party_member", r.partyMember())) {
      errors.add(new FieldError("partyMember", Text.of("governance.unknown-party-member", String.valueOf(r.partyMember()))));
    }
    if (r.volunteer() != null && !store.exists("volunteer", r.volunteer())) {
      errors.add(new FieldError("volunteer", Text.of("governance.unknown-volunteer", String.valueOf(r.volunteer()))));
    }
    if (r.organisation() != null && !store.exists("organisation", r.organisation())) {
      errors.add(new FieldError("organisation", Text.of("governance.unknown-organisation", String.valueOf(r.organisation()))));
    }
    if (!errors.isEmpty()) throw invalidMember(errors);
    String name = r.name().strip();
    String username = r.username() == null || r.username().isBlank() ? null : r.username().strip();
    for (GovernanceStore.MemberRow m : store.members(bodyId)) {
      if (overlaps(m.view(), from, to) && samePerson(m, name, phone, r.partyMember(), r.volunteer(), username)) {
        throw new ProblemException(HttpStatus.CONFLICT, "duplicate-member", "Already a member",
            Text.of("governance.duplicate-member", name, String.valueOf(bodyId)), List.of(new FieldError("name",
                Text.of("governance.member-overlapping-term", String.valueOf(m.view().id())))));
      }
    }
    return store.insertMember(bodyId, name, r.role(), r.voting() == null || r.voting(), from, to, personal.seal(phone),
        r.partyMember(), r.volunteer(), username, r.organisation(), clock.instant());
  }

  /** Ends a member's term on the day (inclusive): not before it began, not after it already ended. */
  @Transactional
  void end(long bodyId, long memberId, LocalDate on, GovernanceAccess.Caller caller) {
    BodyView body = bodies.find(bodyId).orElseThrow(() -> BodyRegister.noBody(bodyId));
    access.requireWrite(caller, body.communityCode());
    store.lockBody(bodyId);
    MemberView m = store.member(memberId).filter(x -> x.view().bodyId() == bodyId).map(GovernanceStore.MemberRow::view)
        .orElseThrow(() -> ProblemException.notFound("unknown-member", "Unknown member",
            Text.of("governance.no-member", String.valueOf(memberId), String.valueOf(bodyId))));
    LocalDate day = on == null ? register.today() : on;
    if (day.isBefore(m.termFrom())) {
      throw invalidMember(List.of(new FieldError("on", Text.of("governance.term-order", day.toString(), m.termFrom().toString()))));
    }
    if (m.termTo() != null && m.termTo().isBefore(day)) {
      throw new ProblemException(HttpStatus.CONFLICT, "term-ended", "Term already ended",
          Text.of("governance.term-already-ended", m.name(), m.termTo().toString()), List.of(new FieldError("on",
              Text.of("governance.term-already-ended", m.name(), m.termTo().toString()))));
    }
    store.endTerm(memberId, day);
  }

  private static boolean overlaps(MemberView m, LocalDate from, LocalDate to) {
    boolean startsBeforeOtherEnds = m.termTo() == null || !from.isAfter(m.termTo());
    boolean otherStartsBeforeThisEnds = to == null || !m.termFrom().isAfter(to);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  private boolean samePerson(GovernanceStore.MemberRow m, String name, String phone, Long partyMember, Long volunteer, String username) {
    if (partyMember != null && partyMember.equals(m.partyMember())) return true;
    if (volunteer != null && volunteer.equals(m.volunteer())) return true;
    if (username != null && username.equals(m.username())) return true;
    return phone != null && m.phoneSealed() != null && name.equals(m.view().name()) && phone.equals(personal.open(m.phoneSealed()));
  }

  static ProblemException invalidMember(List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-member", "Invalid member", Text.of("governance.invalid-member"), errors);
  }
}
