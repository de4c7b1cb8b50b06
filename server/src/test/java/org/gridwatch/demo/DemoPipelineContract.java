package org.gridwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.startup.StartupStep;
import org.gridwatch.startup.StartupStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's start-up steps, in their order, and each idempotent: run again on a database the demo already filled,
 * every data step says its data is there and nothing is added.
 */
abstract class DemoPipelineContract {
  static final String[] TABLES = {"area", "building", "person", "team", "grid_assignment", "incident", "incident_event", "camera",
      "key_area", "patrol_route", "compound", "app_user", "address", "organisation", "organisation_service_area", "organisation_staff",
      "volunteer", "volunteer_skill", "volunteer_availability", "volunteer_team", "volunteer_team_member", "activity",
      "service_point", "booking"};
  @Autowired DemoPipeline pipeline;
  @Autowired StartupStatus status;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theStepsRunInTheOrderEachNeedsTheOneBefore() {
    assertThat(status.ready()).isTrue();
    assertThat(pipeline.steps()).extracting(StartupStep::name)
        .containsExactly("areas", "addresses", "roster", "cases", "skynet", "groundnet", "compounds", "organisations", "volunteers", "activities",
            "services", "property-first", "accounts", "open311-key");
    assertThat(pipeline.steps()).allSatisfy(s -> assertThat(s.zh()).isNotBlank().isNotEqualTo(s.en()));
  }

  @Test
  void runAgainEveryDataStepSkipsAndNothingIsAdded() {
    List<Long> before = counts();
    List<StartupStep> data = pipeline.steps().subList(0, pipeline.steps().size() - 2);  // all but the accounts and the Open311 key
    assertThat(data).allSatisfy(s -> assertThat(s.work().get()).as(s.name()).startsWith("already"));
    assertThat(counts()).isEqualTo(before);
    assertThat(before).allSatisfy(n -> assertThat(n).isPositive());
  }

  private List<Long> counts() {
    return java.util.Arrays.stream(TABLES).map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class)).toList();
  }
}
