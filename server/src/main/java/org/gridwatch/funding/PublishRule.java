package org.gridwatch.funding;

/**
 * What a published evaluation does to the project and the tranches of its stage:
 * <ul>
 * <li>a pass: mid-term → RUNNING, final → CLOSED; the stage's tranches are released (a stopped one reopened);
 * <li>the first result that is not a pass (rectify, or a mid-term fail): the stage's pending tranches stop and the
 *     project goes RECTIFYING, using its one rectification;
 * <li>a second non-pass, or a final fail: mid-term → TERMINATED with every pending tranche stopped; final → CLOSED
 *     with the final tranches stopped.
 * </ul>
 * A mid-term fail with the rectification still unused is treated like a rectify, as the contract says (整改 once).
 */
final class PublishRule {
  private PublishRule() {}

  enum TrancheAction { RELEASE, STOP, STOP_ALL }

  /** The next status, what happens to the tranches, whether the rectification is used now and whether the project ends. */
  record Outcome(ProjectStatus next, TrancheAction tranches, boolean usesRectification, boolean ends) {}

  static Outcome outcome(EvaluationStage stage, EvaluationResult result, boolean rectificationUsed) {
    boolean midterm = stage == EvaluationStage.MIDTERM;
    if (result == EvaluationResult.PASS) {
      return midterm ? new Outcome(ProjectStatus.RUNNING, TrancheAction.RELEASE, false, false)
          : new Outcome(ProjectStatus.CLOSED, TrancheAction.RELEASE, false, true);
    }
    boolean mayRectify = !rectificationUsed && (midterm || result == EvaluationResult.RECTIFY);
    if (mayRectify) return new Outcome(ProjectStatus.RECTIFYING, TrancheAction.STOP, true, false);
    return midterm ? new Outcome(ProjectStatus.TERMINATED, TrancheAction.STOP_ALL, false, true)
        : new Outcome(ProjectStatus.CLOSED, TrancheAction.STOP, false, true);
  }
}
