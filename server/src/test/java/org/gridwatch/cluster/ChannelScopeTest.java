package org.gridwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two deployments in two schemas of one database must not hear each other: each schema gets channels of its own. */
class ChannelScopeTest {
  @Test
  void theDefaultSchemaKeepsPlainChannelsAndEveryOtherGetsItsOwnPrefix() {
    assertThat(ClusterNotifications.prefixOf("jdbc:postgresql://db:5432/gridwatch")).isEmpty();
    assertThat(ClusterNotifications.prefixOf("jdbc:postgresql://db:5432/gridwatch?currentSchema=public")).isEmpty();
    String harbin = ClusterNotifications.prefixOf("jdbc:postgresql://db:5432/gridwatch?currentSchema=harbin,public");
    String urumqi = ClusterNotifications.prefixOf("jdbc:postgresql://db:5432/gridwatch?ssl=false&currentSchema=urumqi");
    assertThat(harbin).matches("s[0-9a-f]{1,8}_").isNotEqualTo(urumqi);
    assertThat(urumqi).matches("s[0-9a-f]{1,8}_");
    assertThat(ClusterNotifications.prefixOf("jdbc:postgresql://db/x?currentSchema=harbin")).isEqualTo(harbin);
  }
}
