package org.gridwatch.governance;

import java.time.LocalDate;

/** A member of a body for a term ({@code termTo} inclusive, null: open), with their role and whether they vote. */
public record MemberView(long id, long bodyId, String name, MemberRole role, boolean voting, LocalDate termFrom,
    LocalDate termTo) {

  public boolean inTerm(LocalDate day) {
    return !day.isBefore(termFrom) && (termTo == null || !day.isAfter(termTo));
  }
}
