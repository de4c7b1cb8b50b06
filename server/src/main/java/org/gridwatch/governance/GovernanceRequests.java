package org.gridwatch.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What the governance API takes: a body, its rules, a member, a day, a party member. */
public final class GovernanceRequests {
  private GovernanceRequests() {}

  /**
   * A body to constitute ({@code POST /api/v1/bodies}). {@code area}: the community's or grid's code, or the compound's
   * name; {@code parent}: the party organisation above (required of a branch and a group, refused otherwise); rules
   * left out take the kind's defaults; {@code constitutedOn} defaults to today.
   */
  public record NewBody(@NotNull BodyKind kind, @NotBlank @Size(max = 200) String name, @NotNull BodyArea areaKind,
      @NotBlank @Size(max = 200) String area, Long parent, @Valid RulesRequest rules, LocalDate constitutedOn) {}

  /** Rules given with a new body; each part left out takes the kind's default. */
  public record RulesRequest(Majority quorum, Majority passBy, PassBase passBase, Boolean consensusAllowed) {}

  /**
   * A member for a term ({@code POST /api/v1/bodies/{id}/members}); {@code voting} defaults to true, {@code termFrom}
   * to the body's constitution day. The person may be a party member, a volunteer, an account or speak for an
   * organisation (ids).
   */
  public record NewMember(@NotBlank @Size(max = 50) String name, @NotNull MemberRole role, Boolean voting, LocalDate termFrom,
      LocalDate termTo, @Size(max = 30) String phone, Long partyMember, Long volunteer, @Size(max = 100) String username,
      Long organisation) {}

  /** A day something ends on (a body dissolved, a member's term ended); defaults to today. */
  public record EndOn(LocalDate on) {}

  /**
   * A party member ({@code POST /api/v1/party-members}) registered with a party organisation (a PARTY_* body);
   * {@code dualReport} (双报到) needs {@code reportedOn} and {@code service}.
   */
  public record NewPartyMember(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String phone,
      @NotNull Long organisation, @NotBlank @Size(max = 40) String homeCommunity, @Size(max = 40) String homeGrid,
      @Size(max = 200) String employer, Boolean dualReport, LocalDate reportedOn, @Size(max = 40) String service) {}
}
