package org.gridwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.support.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@OnPostgis
class DispatcherOnPostgisTest extends DispatcherContract {

  /** The restart as it happens: the first instance dies mid-round, a second application on the same database finishes. */
  @Test
  void aSecondApplicationOnTheSameDatabaseFinishesWhatACrashedOneLeft() {
    String template = template("RESTART");
    List<Long> ids = enqueue(template, 12);
    Receiver receiver = new Receiver();
    Instant start = Instant.now();
    Dispatcher first = dispatcher.with(List.of(new FlakyChannel(receiver, 4)), settings(8, null, Set.of()));
    assertThatThrownBy(() -> first.runAt(start, template)).isInstanceOf(Crash.class);

    try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GridwatchApplication.class)
        .profiles("test-postgis").run("--server.port=0", "--spring.main.banner-mode=off")) {
      Dispatcher restarted = second.getBean(Dispatcher.class).with(List.of(new FlakyChannel(receiver, -1)), settings(8, null, Set.of()));
      Instant now = start;
      for (int i = 0; i < 40 && pending(template) > 0; i++) {
        restarted.runAt(now, template);
        now = now.plus(Duration.ofMinutes(1));
      }
    }
    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
    assertThat(receiver.accepted.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(receiver.accepted.values()).containsOnly(1);
    assertThat(receiver.seen.values().stream().filter(n -> n > 1).count()).as("only the message caught by the crash came twice").isEqualTo(1);
    assertThat(receiver.seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .allSatisfy(id -> assertThat(ids).contains(id));
  }
}
