package org.gridwatch.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How the dispatcher works (properties {@code gridwatch.notification.*}): messages per round, attempts before FAILED,
 * the backoff (first wait, doubling, capped), how long a claimed message stays invisible to other instances (a crash
 * between claiming and recording makes it due again after that), the deployment's quiet hours and the templates that
 * do not wait for them, and the webhook endpoints by name ({@code endpoints.<name>.url} and {@code .secret}).
 */
record DispatchSettings(int batch, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration claimLease,
    QuietHours quietHours, Set<String> urgentTemplates, Map<String, Endpoint> endpoints) {

  /** A configured webhook receiver (e.g. the 12345 hotline). */
  record Endpoint(String url, String secret) {}

  /** The wait after the {@code attempts}-th failed attempt: first, 2×first, 4×first, …, at most maxBackoff. */
  Duration backoffAfter(int attempts) {
    Duration d = firstBackoff;
    for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  @Configuration
  static class FromProperties {
    @Bean
    DispatchSettings dispatchSettings(Environment env) {
      Binder binder = Binder.get(env);
      Map<String, Endpoint> endpoints = binder.bind("gridwatch.notification.endpoints", Bindable.mapOf(String.class, Endpoint.class))
          .orElse(Map.of());
      Set<String> urgent = Arrays.stream(env.getProperty("gridwatch.notification.urgent-templates", "CASE_DISPATCHED,CASE_SUPERVISED")
          .split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
      return new DispatchSettings(
          env.getProperty("gridwatch.notification.batch", Integer.class, 10),
          env.getProperty("gridwatch.notification.max-attempts", Integer.class, 8),
          env.getProperty("gridwatch.notification.first-backoff", Duration.class, Duration.ofMinutes(1)),
          env.getProperty("gridwatch.notification.max-backoff", Duration.class, Duration.ofHours(1)),
          env.getProperty("gridwatch.notification.claim-lease", Duration.class, Duration.ofMinutes(5)),
          QuietHours.parse(env.getProperty("gridwatch.notification.quiet-hours", "22:00-07:00")),
          urgent, Map.copyOf(endpoints));
    }
  }
}
