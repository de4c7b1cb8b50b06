package org.gridwatch.governance;

/**
 * How a body decides: the share of its voting members that must be present (quorum), the majority a motion needs
 * and what it is counted against, and whether a consensus may stand instead of a vote.
 */
public record BodyRules(Majority quorum, Majority passBy, PassBase passBase, boolean consensusAllowed) {

  /** Whether {@code present} of {@code votingMembers} voting members in term make the quorum. */
  public boolean quorumMet(int present, int votingMembers) { return quorum.reached(present, votingMembers); }

  /** Whether {@code votesFor} carry the motion, with {@code present} voting members present of {@code votingMembers}. */
  public boolean adopted(int votesFor, int present, int votingMembers) {
    return passBy.reached(votesFor, passBase == PassBase.PRESENT ? present : votingMembers);
  }
}
