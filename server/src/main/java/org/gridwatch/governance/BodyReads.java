package org.gridwatch.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.governance.GovernanceAnswers.BodyAnswer;
import org.gridwatch.governance.GovernanceAnswers.BodyRef;
import org.gridwatch.governance.GovernanceAnswers.BodySummary;
import org.gridwatch.governance.GovernanceAnswers.MemberAnswer;
import org.gridwatch.privacy.Masks;
import org.gridwatch.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bodies as the API shows them: lists with the count of members in term, one body with its members and party tree. */
@Service
class BodyReads {
  private final Bodies bodies;
  private final GovernanceStore store;
  private final AreaCatalog areas;
  private final PersonalData personal;
  private final BodyRegister register;

  BodyReads(Bodies bodies, GovernanceStore store, AreaCatalog areas, PersonalData personal, BodyRegister register) {
    this.bodies = bodies;
    this.store = store;
    this.areas = areas;
    this.personal = personal;
    this.register = register;
  }

  @Transactional(readOnly = true)
  List<BodySummary> list(String community, String grid, BodyKind kind, boolean activeOnly) {
    LocalDate today = register.today();
    Map<Long, Integer> inTerm = bodies.membersInTermCounts(today);
    return bodies.where(community, grid, kind, activeOnly ? today : null).stream().map(b -> new BodySummary(b.id(), b.kind(),
        b.name(), b.areaKind(), b.areaCode(), areaName(b), b.communityCode(), b.gridCode(), b.parentId(), b.rules(),
        b.constitutedOn(), b.dissolvedOn(), b.activeOn(today), inTerm.getOrDefault(b.id(), 0))).toList();
  }

  /** One body; {@code staff} readers also get members' masked phones and who they are in the system. */
  @Transactional(readOnly = true)
  BodyAnswer view(long id, boolean staff) {
    BodyView b = bodies.find(id).orElseThrow(() -> BodyRegister.noBody(id));
    LocalDate today = register.today();
    List<MemberAnswer> members = store.members(id).stream().map(m -> member(m, today, staff)).toList();
    BodyRef parent = b.parentId() == null ? null : bodies.find(b.parentId()).map(BodyReads::ref).orElse(null);
    List<BodyRef> children = store.children(id).stream().map(bodies::find).flatMap(java.util.Optional::stream).map(BodyReads::ref).toList();
    return new BodyAnswer(b.id(), b.kind(), b.name(), b.areaKind(), b.areaCode(), areaName(b), b.communityCode(), b.gridCode(),
        parent, children, b.rules(), b.constitutedOn(), b.dissolvedOn(), b.activeOn(today),
        (int) members.stream().filter(MemberAnswer::inTerm).count(), members);
  }

  private MemberAnswer member(GovernanceStore.MemberRow m, LocalDate today, boolean staff) {
    MemberView v = m.view();
    return staff
        ? new MemberAnswer(v.id(), v.name(), v.role(), v.voting(), v.termFrom(), v.termTo(), v.inTerm(today),
            Masks.phone(personal.open(m.phoneSealed())), m.partyMember(), m.volunteer(), m.username(), m.organisation())
        : new MemberAnswer(v.id(), v.name(), v.role(), v.voting(), v.termFrom(), v.termTo(), v.inTerm(today), null, null, null, null, null);
  }

  /** The name of the area a body serves: the community's or grid's, or the compound's own. */
  String areaName(BodyView b) {
    if (b.areaKind() == BodyArea.COMPOUND) return b.areaCode();
    return areas.now().find(b.areaCode()).map(org.gridwatch.area.AreaView::name).orElse(b.areaCode());
  }

  static BodyRef ref(BodyView b) { return new BodyRef(b.id(), b.kind(), b.name()); }
}
