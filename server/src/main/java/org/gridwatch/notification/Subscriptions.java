package org.gridwatch.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.service.Sequences;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signed-in people follow. A case: its reporter (the account that reported it), anyone with its follow token, or
 * the command centre; an area: anyone signed in, any level (a notice reaches the subscribers of its area and of every
 * area inside it). Following the same thing again answers the subscription already there.
 */
@Service
class Subscriptions {
  static final Set<String> CHANNELS = Set.of("LOG", "WEBHOOK", "SMS", "WECHAT");
  /** Who may follow any case without its token. */
  private static final Set<String> CASE_WATCHERS = Set.of("ROLE_ADMIN", "ROLE_OPERATOR");

  record Created(SubscriptionAnswer answer, boolean isNew) {}

  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final AreaCatalog areas;
  private final IncidentSearch cases;
  private final Clock clock;

  Subscriptions(JdbcTemplate jdbc, Sequences sequences, AreaCatalog areas, IncidentSearch cases, Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.areas = areas;
    this.cases = cases;
    this.clock = clock;
  }

  @Transactional
  Created follow(SubscriptionRequest r, Authentication auth) {
    if (r.kind() == null) throw invalid("kind", Text.of("notification.kind-required"));
    if (r.target() == null || r.target().isBlank() || r.target().length() > 40) throw invalid("target", Text.of("notification.target-required"));
    if (r.channel() != null && !CHANNELS.contains(r.channel())) throw invalid("channel", Text.of("notification.unknown-channel", r.channel()));
    String target = r.target().trim();
    if (r.kind() == SubscriptionKind.AREA && areas.now().find(target).isEmpty()) {
      throw invalid("target", Text.of("notification.unknown-area", target));
    }
    if (r.kind() == SubscriptionKind.CASE) mayFollowCase(target, r.followToken(), auth);
    SubscriptionAnswer known = find(auth.getName(), r.kind(), target);
    if (known != null) return new Created(known, false);
    long id = sequences.next("subscription_seq");
    Instant now = clock.instant();
    try {
      jdbc.update("INSERT INTO subscription (id, username, kind, target, channel, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          id, auth.getName(), r.kind().name(), target, r.channel(), Timestamp.from(now));
    } catch (DuplicateKeyException raced) {
      return new Created(find(auth.getName(), r.kind(), target), false);
    }
    return new Created(new SubscriptionAnswer(id, r.kind(), target, r.channel(), now), true);
  }

  private void mayFollowCase(String publicId, String token, Authentication auth) {
    Incident i = cases.byPublicId(publicId).orElseThrow(() -> invalid("target", Text.of("notification.unknown-case", publicId)));
    boolean watcher = auth.getAuthorities().stream().anyMatch(a -> CASE_WATCHERS.contains(a.getAuthority()));
    boolean reporter = auth.getName().equals(i.getReporterAccount());
    boolean holdsToken = token != null && !token.isBlank() && i.isFollowedWith(token);
    if (!watcher && !reporter && !holdsToken) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("notification.case-not-yours"), List.of());
    }
  }

  @Transactional(readOnly = true)
  List<SubscriptionAnswer> mine(String username) {
    return jdbc.query("SELECT id, kind, target, channel, created_at FROM subscription WHERE username = ? ORDER BY created_at, id",
        (rs, n) -> new SubscriptionAnswer(rs.getLong(1), SubscriptionKind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant()), username);
  }

  /** Ends one of the caller's subscriptions; 404 for anyone else's (whether it exists is not theirs to know). */
  @Transactional
  void end(long id, String username) {
    if (jdbc.update("DELETE FROM subscription WHERE id = ? AND username = ?", id, username) == 0) {
      throw ProblemException.notFound("unknown-subscription", "Unknown subscription", Text.of("notification.unknown-subscription", id));
    }
  }

  private SubscriptionAnswer find(String username, SubscriptionKind kind, String target) {
    return mine(username).stream().filter(s -> s.kind() == kind && s.target().equals(target)).findFirst().orElse(null);
  }

  static ProblemException invalid(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-notification-input", "Invalid input",
        (Text) null, List.of(new ProblemException.FieldError(field, reason)));
  }
}
