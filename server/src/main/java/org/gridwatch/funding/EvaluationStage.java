package org.gridwatch.funding;

/** The two evaluations of a running project; each releases the tranches of its step when it passes. */
public enum EvaluationStage {
  MIDTERM, FINAL;

  ProjectStatus reviewStatus() { return this == MIDTERM ? ProjectStatus.MIDTERM_REVIEW : ProjectStatus.FINAL_REVIEW; }

  TrancheStep step() { return this == MIDTERM ? TrancheStep.MIDTERM : TrancheStep.FINAL; }
}
