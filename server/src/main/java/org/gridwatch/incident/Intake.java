package org.gridwatch.incident;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.incident.admission.IntakeAdmission;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a new case from any channel: checks the category, places the point in its grid (converting from the
 * client's CRS), then stores it ({@link IntakeWrite}: duplicate link, case number, registration clock, first
 * history entry). A case of a property-first category inside a compound a property company serves goes straight
 * to that company ({@link PropertyFirst}). With an idempotency key, a retry returns the case made the first time
 * instead of a second one — also while the first is still being written: calls with the same key wait for it.
 *
 * <p>Checked and placed reports are stored by the {@link GroupIntake} writer, many to a transaction; each call
 * returns only after the commit holding its report. A call made inside a transaction of its own (the hotline
 * opens its ticket's case with the ticket) is written in that transaction instead, so both commit or neither.
 *
 * <p>At most so many reports are checked, placed and written at once ({@link IntakeAdmission}); beyond them, after a
 * short wait, a report is refused with 503 and {@code Retry-After} before anything of it is looked up or written
 * (a keyed report sent again later is stored once, or answered with the case its first call made).
 */
@Service
public class Intake {
  /**
   * What intake answers: the case, whether this call made it, a likely duplicate, and the reporter's follow token
   * (shown once; a replay of a keyed report answers the same token again, derived from the key).
   */
  public record Result(Incident incident, boolean created, String duplicateOf, String followToken) {}

  /** A report whose input is checked and whose point is placed: what the writer stores (bad input never gets there). */
  record Checked(Submission submission, Actor actor, Category category, Placement placement, String idempotencyKey,
      String requestHash) {}

  /** A call under way with an idempotency key: what it sent and what it will answer. */
  private record Claim(String requestHash, CompletableFuture<Result> answer) {}

  private final Categories categories;
  private final LocateService locate;
  private final IntakeWrite write;
  private final GroupIntake group;
  private final IdempotencyKeys keys;
  private final IntakeAdmission admission;
  private final TransactionTemplate tx;
  private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();

  Intake(Categories categories, LocateService locate, IntakeWrite write, GroupIntake group, IdempotencyKeys keys,
      IntakeAdmission admission, PlatformTransactionManager transactions) {
    this.admission = admission;
    this.categories = categories;
    this.locate = locate;
    this.write = write;
    this.group = group;
    this.keys = keys;
    this.tx = new TransactionTemplate(transactions);
  }

  public Result submit(Submission s, Actor actor, String idempotencyKey, String requestHash) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) return inTransaction(s, actor, idempotencyKey, requestHash);
    if (idempotencyKey == null) return admitted(() -> stored(s, actor, null, null));
    // the claim is in memory: calls waiting for another with the same key hold no slot; the one that goes on takes its
    // slot before the key's lookup, a read that under overload would itself queue for a pooled connection
    return once(idempotencyKey, requestHash, () -> admitted(() -> keys.replay(idempotencyKey, requestHash)
        .orElseGet(() -> stored(s, actor, idempotencyKey, requestHash))));
  }

  /** Runs {@code work} holding an intake slot: 503 when none frees in time ({@link IntakeAdmission}). */
  private Result admitted(Supplier<Result> work) {
    try (IntakeAdmission.Slot slot = admission.enter()) {
      return work.get();
    }
  }

  /**
   * The case an earlier call with {@code key} made (committed), answered again; empty if none is visible yet. 422
   * when that call sent a different request.
   */
  public Optional<Result> replay(String key, String requestHash) { return keys.replay(key, requestHash); }

  /** 409 for a call whose key another call, still under way, is using: the client retries and gets that case. */
  public static ProblemException inFlight(String key) {
    return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Same request under way",
        Text.of("incident.request-with-idempotency-key-x", key),
        List.of(new ProblemException.FieldError("Idempotency-Key", Text.of("incident.request-with-this-key-still"))));
  }

  /** 422 for a key used before for a different request. */
  static ProblemException reused(String key) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
        Text.of("incident.idempotency-key-x-was-used", key),
        List.of(new ProblemException.FieldError("Idempotency-Key", Text.of("incident.already-used-for-different-request"))));
  }

  private Result stored(Submission s, Actor actor, String idempotencyKey, String requestHash) {
    Checked checked = check(s, actor, idempotencyKey, requestHash);
    return group.write(checked).orElseGet(() -> tx.execute(status -> write.write(checked)));
  }

  private Result inTransaction(Submission s, Actor actor, String idempotencyKey, String requestHash) {
    if (idempotencyKey != null) {
      Optional<Result> earlier = keys.replay(idempotencyKey, requestHash);
      if (earlier.isPresent()) return earlier.get();
    }
    return write.write(check(s, actor, idempotencyKey, requestHash));
  }

  /**
   * Runs {@code first} as the one call with this key on this server; a call with the same key made meanwhile waits
   * for it and answers the same case (or 422 if it sent a different request; if the first failed, it tries itself).
   */
  private Result once(String key, String requestHash, Supplier<Result> first) {
    Claim mine = new Claim(requestHash, new CompletableFuture<>());
    Claim earlier;
    while ((earlier = claims.putIfAbsent(key, mine)) != null) {
      Result made;
      try {
        made = earlier.answer().join();
      } catch (CompletionException failed) {
        claims.remove(key, earlier);
        continue;
      }
      if (!earlier.requestHash().equals(requestHash)) throw reused(key);
      return new Result(made.incident(), false, made.duplicateOf(), made.followToken());
    }
    try {
      Result r = first.get();
      mine.answer().complete(r);
      return r;
    } catch (RuntimeException | Error e) {
      mine.answer().completeExceptionally(e);
      throw e;
    } finally {
      claims.remove(key, mine);
    }
  }

  Checked check(Submission s, Actor actor, String idempotencyKey, String requestHash) {
    Category c = categories.find(s.categoryCode()).filter(Category::isActive).orElseThrow(() -> ProblemException.badInput(
        s.fields().category(), Text.of("incident.unknown-category-x-see-get", s.categoryCode())));
    locate.checkRange(s.lon(), s.lat(), s.crs(), s.fields().location(), s.fields().location());
    Placement p = locate.place(s.lon(), s.lat(), s.crs()).orElseThrow(() -> ProblemException.badInput(
        s.fields().location(), locate.outside(s.lon(), s.lat(), s.crs()).getMessage()));
    return new Checked(s, actor, c, p, idempotencyKey, requestHash);
  }
}
