package org.gridwatch.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Without a replica URL the one datasource of today stays: no routing, no interception, no cookie. */
class ReplicaConfigTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(ReplicaConfig.class);

  @Test
  void withoutAReplicaUrlNothingIsRouted() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ReplicaRoutingDataSource.class)
        .doesNotHaveBean(Advisor.class).doesNotHaveBean(ReadYourWrites.class).doesNotHaveBean("readYourWrites"));
  }

  @Test
  void aBlankReplicaUrlIsNoReplica() {
    runner.withPropertyValues("gridwatch.datasource.replica.url= ")
        .run(context -> assertThat(context).doesNotHaveBean(ReplicaRoutingDataSource.class).doesNotHaveBean(Advisor.class));
  }
}
