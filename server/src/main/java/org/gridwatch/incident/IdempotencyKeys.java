package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reports stored with an idempotency key, looked up again for a retry ({@code idempotency_key} rows). */
@Component
class IdempotencyKeys {
  private final EntityManager em;

  IdempotencyKeys(EntityManager em) { this.em = em; }

  /**
   * The case an earlier call with {@code key} made (committed), answered again; empty if none is visible yet. 422
   * when that call sent a different request.
   */
  @Transactional(readOnly = true)
  Optional<Intake.Result> replay(String key, String requestHash) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select request_hash, incident_id, token_salt from idempotency_key where idem_key = ?1")
        .setParameter(1, key).getResultList();
    if (rows.isEmpty()) return Optional.empty();
    Object[] earlier = rows.get(0);
    if (!earlier[0].equals(requestHash)) throw Intake.reused(key);
    Incident before = em.find(Incident.class, ((Number) earlier[1]).longValue());
    String dup = before.getDuplicateOf() == null ? null : em.find(Incident.class, before.getDuplicateOf()).getPublicId();
    String token = earlier[2] == null ? null : FollowTokens.fromKey(key, (String) earlier[2]);
    return Optional.of(new Intake.Result(before, false, dup, token));
  }
}
