package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gridwatch.patrol.PatrolAnswers.Rejected;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.hibernate.Session;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of GPS fixes for a patrol. A malformed batch (a missing or non-finite number, a position outside WGS84,
 * an accuracy not above 0) is refused whole with a problem naming {@code points[i].field}, and nothing is stored.
 * Otherwise every fix is judged by {@link FixRules} against the last accepted one, in the batch's order; implausible
 * ones are listed in {@code rejected}, the rest stored, counted into the length and checked against the route's key
 * points — all in one transaction, the patrol's row locked so that batches of one patrol run one at a time. With an
 * {@code Idempotency-Key} the answer is stored with the fixes, and a resend of the same batch under the same key is
 * answered the same without storing anything again (another batch under a used key: 422).
 */
@Service
class FixIngest {
  private final EntityManager em;
  private final PatrolSettings settings;
  private final CheckIns checkIns;
  private final JsonMapper json;
  private final Clock clock;

  FixIngest(EntityManager em, PatrolSettings settings, CheckIns checkIns, JsonMapper json, Clock clock) {
    this.em = em;
    this.settings = settings;
    this.checkIns = checkIns;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public PatrolAnswers.Points add(long id, Authentication auth, PatrolRequests.Points body, String key) {
    List<Fix> fixes = wellFormed(body.points());
    Patrol p = Patrols.lock(em, id);
    PatrolAccess.mayRecord(p, auth);
    String hash = key == null ? null : hash(body);
    if (key != null) {
      Optional<PatrolAnswers.Points> earlier = replay(id, key, hash);
      if (earlier.isPresent()) return earlier.get();
    }
    PatrolAccess.mustBeActive(p);
    FixRules rules = settings.rules();
    Instant now = clock.instant();
    List<Rejected> rejected = new ArrayList<>();
    List<Fix> accepted = new ArrayList<>();
    for (int i = 0; i < fixes.size(); i++) {
      Fix f = fixes.get(i);
      Fix last = p.last();
      var why = rules.judge(f, p.getStartedAt(), p.getMode(), last, now);
      if (why.isPresent()) {
        rejected.add(new Rejected(i, why.get().reason(), why.get().detail()));
        continue;
      }
      p.accepted(f, last == null ? 0 : FixRules.distanceM(last, f));
      accepted.add(f);
    }
    store(p.getId(), p.getPointCount() - accepted.size(), accepted);
    checkIns.fromFixes(p, accepted);
    em.flush();
    PatrolAnswers.Points answer = new PatrolAnswers.Points(accepted.size(), rejected, Math.round(p.getLengthM() * 10) / 10.0,
        checkIns.states(p));
    if (key != null) {
      em.createNativeQuery("insert into patrol_batch (patrol_id, idem_key, request_hash, answer, created_at) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, id).setParameter(2, key).setParameter(3, hash).setParameter(4, json.writeValueAsString(answer))
          .setParameter(5, now).executeUpdate();
    }
    return answer;
  }

  /** The fixes as numbers, or a 400 naming every malformed field. */
  static List<Fix> wellFormed(List<PatrolRequests.Point> points) {
    List<FieldError> errors = new ArrayList<>();
    List<Fix> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      PatrolRequests.Point p = points.get(i);
      String f = "points[" + i + "].";
      if (p == null) {
        errors.add(new FieldError("points[" + i + "]", Text.of("patrol.fix-lon-lat-at-accuracy")));
        continue;
      }
      number(p.lon(), -180, 180, f + "lon", "a longitude, -180 to 180", errors);
      number(p.lat(), -90, 90, f + "lat", "a latitude, -90 to 90", errors);
      Instant at = p.at() == null ? null : instant(p.at());
      if (at == null) errors.add(new FieldError(f + "at", Text.of("patrol.when-fix-was-taken-iso")));
      if (p.accuracy() == null) errors.add(new FieldError(f + "accuracy", Text.of("patrol.required-metres")));
      else if (!(Double.isFinite(p.accuracy()) && p.accuracy() > 0)) errors.add(new FieldError(f + "accuracy", Text.of("patrol.metres-more-than-0")));
      if (errors.isEmpty()) out.add(new Fix(p.lon(), p.lat(), at, p.accuracy()));
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return out;
  }

  /** An ISO 8601 instant with an offset, to the microsecond both stores keep; null when it is none. */
  private static Instant instant(String text) {
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static void number(Double v, double min, double max, String field, String what, List<FieldError> errors) {
    if (v == null) errors.add(new FieldError(field, Text.of("patrol.required-x", what)));
    else if (!Double.isFinite(v) || v < min || v > max) errors.add(new FieldError(field, what));
  }

  /** Appends the accepted fixes after the {@code before} already stored, in one JDBC batch. */
  private void store(long patrolId, int before, List<Fix> accepted) {
    if (accepted.isEmpty()) return;
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "insert into patrol_point (patrol_id, seq, lon, lat, fix_at, accuracy) values (?, ?, ?, ?, ?, ?)")) {
        int seq = before;
        for (Fix f : accepted) {
          s.setLong(1, patrolId);
          s.setInt(2, seq++);
          s.setDouble(3, f.lon());
          s.setDouble(4, f.lat());
          s.setObject(5, f.at().atOffset(ZoneOffset.UTC));
          s.setDouble(6, f.accuracy());
          s.addBatch();
        }
        s.executeBatch();
      }
    });
  }

  private Optional<PatrolAnswers.Points> replay(long id, String key, String hash) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select request_hash, answer from patrol_batch where patrol_id = ?1 and idem_key = ?2")
        .setParameter(1, id).setParameter(2, key).getResultList();
    if (rows.isEmpty()) return Optional.empty();
    if (!rows.get(0)[0].equals(hash)) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
          Text.of("patrol.idempotency-key-x-was-used", key),
          List.of(new FieldError("Idempotency-Key", Text.of("patrol.already-used-for-different-batch"))));
    }
    Object answer = rows.get(0)[1];
    String text = answer instanceof java.sql.Clob clob ? clobText(clob) : answer.toString();
    return Optional.of(json.readValue(text, PatrolAnswers.Points.class));
  }

  private static String clobText(java.sql.Clob clob) {
    try {
      return clob.getSubString(1, (int) clob.length());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a key is bound to: the batch's fixes in a canonical form. */
  private String hash(PatrolRequests.Points body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
