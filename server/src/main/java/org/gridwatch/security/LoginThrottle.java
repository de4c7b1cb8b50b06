package org.gridwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, per account and per client address. After {@code free-attempts} failed sign-ins an
 * account (or {@code free-attempts-per-address} from one address, which many people may share) must wait before
 * the next try: {@code first-wait} (1 s), then
 * twice as long after every further failure, at most {@code max-wait}. A successful sign-in clears the
 * account's count, not the address's (an attacker with an account of their own could otherwise reset it).
 * State is per instance and in memory: a restart forgets it, which only ever helps a legitimate user.
 */
@Component
public class LoginThrottle {
  private record Failures(int count, Instant last, Instant until) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final int free;
  private final int freePerAddress;
  private final Duration firstWait;
  private final Duration maxWait;
  private final Clock clock;

  LoginThrottle(@Value("${gridwatch.login.free-attempts:5}") int free,
      @Value("${gridwatch.login.free-attempts-per-address:20}") int freePerAddress,
      @Value("${gridwatch.login.first-wait:PT1S}") Duration firstWait,
      @Value("${gridwatch.login.max-wait:PT15M}") Duration maxWait, Clock clock) {
    this.firstWait = firstWait;
    this.free = free;
    this.freePerAddress = freePerAddress;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /** How long this account or address must still wait before it may try again; empty when it may try now. */
  public Optional<Duration> waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : new String[] {account(username), address(address)}) {
      Failures f = key == null ? null : failures.get(key);
      if (f != null && f.until() != null && f.until().isAfter(now)) {
        Duration d = Duration.between(now, f.until());
        if (d.compareTo(longest) > 0) longest = d;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    failed(e.getAuthentication().getName(), addressOf(e.getAuthentication().getDetails()));
  }

  /** Counts one failed sign-in of this account from this address. */
  void failed(String username, String address) {
    note(account(username), free);
    note(address(address), freePerAddress);
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent e) {
    String key = account(e.getAuthentication().getName());
    if (key != null) failures.remove(key);
  }

  /** Forgets every count: for tests, and for an administrator's console after an incident. */
  public void reset() { failures.clear(); }

  private void note(String key, int allowance) {
    if (key == null) return;
    Instant now = clock.instant();
    failures.compute(key, (k, f) -> {
      // An hour without failures starts the count again.
      int count = f == null || f.last().plus(Duration.ofHours(1)).isBefore(now) ? 1 : f.count() + 1;
      Instant until = null;
      if (count >= allowance) {
        Duration wait = firstWait.multipliedBy(1L << Math.min(30, count - allowance));
        until = now.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait);
      }
      return new Failures(count, now, until);
    });
    if (failures.size() > 100_000) failures.entrySet().removeIf(en -> en.getValue().last().plus(Duration.ofHours(1)).isBefore(now));
  }

  private static String account(String username) {
    return username == null || username.isBlank() ? null : "u:" + username.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static String address(String address) { return address == null ? null : "a:" + address; }

  private static String addressOf(Object details) {
    return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
  }
}
