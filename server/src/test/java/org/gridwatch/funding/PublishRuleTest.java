package org.gridwatch.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridwatch.funding.EvaluationResult.FAIL;
import static org.gridwatch.funding.EvaluationResult.PASS;
import static org.gridwatch.funding.EvaluationResult.RECTIFY;
import static org.gridwatch.funding.EvaluationStage.FINAL;
import static org.gridwatch.funding.EvaluationStage.MIDTERM;

import org.gridwatch.funding.PublishRule.Outcome;
import org.gridwatch.funding.PublishRule.TrancheAction;
import org.junit.jupiter.api.Test;

/** Every published result, with the rectification used or not, against the contract's table. */
class PublishRuleTest {
  @Test
  void aPassReleasesTheStagesTranchesAndMovesOn() {
    for (boolean used : new boolean[] {false, true}) {
      assertThat(PublishRule.outcome(MIDTERM, PASS, used)).isEqualTo(new Outcome(ProjectStatus.RUNNING, TrancheAction.RELEASE, false, false));
      assertThat(PublishRule.outcome(FINAL, PASS, used)).isEqualTo(new Outcome(ProjectStatus.CLOSED, TrancheAction.RELEASE, false, true));
    }
  }

  @Test
  void theFirstNonPassRectifiesOnceAndStopsTheStagesTranches() {
    Outcome rectifying = new Outcome(ProjectStatus.RECTIFYING, TrancheAction.STOP, true, false);
    assertThat(PublishRule.outcome(MIDTERM, RECTIFY, false)).isEqualTo(rectifying);
    assertThat(PublishRule.outcome(MIDTERM, FAIL, false)).isEqualTo(rectifying);
    assertThat(PublishRule.outcome(FINAL, RECTIFY, false)).isEqualTo(rectifying);
  }

  @Test
  void aSecondNonPassTerminatesAtMidtermAndClosesWithoutTheFinalTrancheAtFinal() {
    Outcome terminated = new Outcome(ProjectStatus.TERMINATED, TrancheAction.STOP_ALL, false, true);
    Outcome closedStopped = new Outcome(ProjectStatus.CLOSED, TrancheAction.STOP, false, true);
    assertThat(PublishRule.outcome(MIDTERM, RECTIFY, true)).isEqualTo(terminated);
    assertThat(PublishRule.outcome(MIDTERM, FAIL, true)).isEqualTo(terminated);
    assertThat(PublishRule.outcome(FINAL, RECTIFY, true)).isEqualTo(closedStopped);
    assertThat(PublishRule.outcome(FINAL, FAIL, true)).isEqualTo(closedStopped);
    assertThat(PublishRule.outcome(FINAL, FAIL, false)).isEqualTo(closedStopped);
  }
}
