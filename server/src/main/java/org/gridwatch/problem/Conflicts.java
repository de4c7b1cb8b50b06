package org.gridwatch.problem;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * The one place where a write that lost a race with another becomes a 409 problem instead of a 500: the database
 * refused it because another transaction got there first (a unique key taken, a version moved on, a lock or a
 * serialisable snapshot lost). Recognises Spring's translated exceptions (optimistic and pessimistic locking
 * failures, {@link DataIntegrityViolationException}, {@code CannotAcquireLockException}) and, for failures that
 * reach the web layer untranslated (wrapped by Hibernate or a transaction commit), the SQL states underneath:
 * PostgreSQL 23505 (unique), 40001 (serialization), 40P01 (deadlock), 55P03 (lock not available); H2 23505, 40001
 * (deadlock) and HYT00 (lock timeout). Anything else is not a conflict and answers {@code null}.
 */
public final class Conflicts {
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00");

  private Conflicts() {}

  /** Whether {@code failure} is a write that lost a race with another transaction (see the class comment). */
  public static boolean lostRace(Throwable failure) { return of(failure) != null; }

  /** A 409 problem for {@code failure} if it (or a cause) is a lost race in the database, else {@code null}. */
  static ProblemException of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyFailureException || t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException || t instanceof org.hibernate.StaleStateException) {
        return conflict(Text.of("conflict.saved-first"));
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())) {
        return conflict(Text.of(sql.getSQLState().startsWith("23") ? "conflict.same-moment" : "conflict.held"));
      }
      if (t instanceof DataIntegrityViolationException) {
        return conflict(Text.of("conflict.stored"));
      }
    }
    return null;
  }

  private static ProblemException conflict(Text detail) {
    return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflicting change", detail, List.<ProblemException.FieldError>of());
  }
}
