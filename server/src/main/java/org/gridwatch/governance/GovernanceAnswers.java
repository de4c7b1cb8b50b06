package org.gridwatch.governance;

import java.time.LocalDate;
import java.util.List;

/** What the governance API answers. Kinds, roles and rules go out as codes; the page words them. */
public final class GovernanceAnswers {
  private GovernanceAnswers() {}

  /** Another body named from this one (a parent or child in the party organisation). */
  public record BodyRef(long id, BodyKind kind, String name) {}

  /** A body with its members (all terms, {@code inTerm} on today) and its place in the party organisation. */
  public record BodyAnswer(long id, BodyKind kind, String name, BodyArea areaKind, String area, String areaName,
      String community, String grid, BodyRef parent, List<BodyRef> children, BodyRules rules, LocalDate constitutedOn,
      LocalDate dissolvedOn, boolean active, int membersInTerm, List<MemberAnswer> members) {}

  /** A body in a list: no members, their count in term today. */
  public record BodySummary(long id, BodyKind kind, String name, BodyArea areaKind, String area, String areaName,
      String community, String grid, Long parent, BodyRules rules, LocalDate constitutedOn, LocalDate dissolvedOn,
      boolean active, int membersInTerm) {}

  /**
   * A member: name, role, vote and term for everyone; for staff also the masked phone and who the person is in the
   * system (party member, volunteer, account, organisation); those are null on a public read.
   */
  public record MemberAnswer(long id, String name, MemberRole role, boolean voting, LocalDate termFrom, LocalDate termTo,
      boolean inTerm, String phone, Long partyMember, Long volunteer, String username, Long organisation) {}

  /** A party member as staff read it (phone masked). */
  public record PartyMemberAnswer(long id, String name, String phone, BodyRef organisation, String homeCommunity,
      String homeGrid, String employer, boolean dualReport, LocalDate reportedOn, String service) {}

  /**
   * Party organisation coverage of a community: its committee, each grid with its branch (null: none), the counts of
   * groups, of party members registered with the community's organisations and of 双报到 members reporting to it, and
   * the grids without a branch.
   */
  public record CommunityCoverage(String community, String name, String nameEn, BodyRef committee, List<GridBranch> grids,
      int branches, int groups, int partyMembers, int dualReportMembers, List<String> gridsWithoutBranch) {}

  /** A grid of the coverage: its branch if it has one, and the party members living in it (of them 双报到). */
  public record GridBranch(String grid, String name, BodyRef branch, int partyMembers, int dualReportMembers) {}
}
