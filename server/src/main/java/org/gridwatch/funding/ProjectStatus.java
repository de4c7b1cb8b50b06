package org.gridwatch.funding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands in its lifecycle (需求反映 → 决策立项 → 选择承接 → 监督管理 → 效果评估). The round's phases (needs
 * collected, call open, review) come before APPLIED; the order is APPLIED → SHORTLISTED (or DECLINED) → APPROVED (立项) →
 * CONTRACTED (承接) → RUNNING → MIDTERM_REVIEW → RUNNING … → FINAL_REVIEW → CLOSED; RECTIFYING after a review that did
 * not pass, once; TERMINATED from any stage after approval.
 */
public enum ProjectStatus {
  APPLIED, SHORTLISTED, DECLINED, APPROVED, CONTRACTED, RUNNING, MIDTERM_REVIEW, RECTIFYING, FINAL_REVIEW, CLOSED, TERMINATED;

  /** A project in one of these serves its target areas (unmet demand and the needs map read this). */
  public static final Set<ProjectStatus> SERVING = EnumSet.of(CONTRACTED, RUNNING, MIDTERM_REVIEW, RECTIFYING, FINAL_REVIEW);

  /** What the public may see: a project once it is approved, whatever became of it later. */
  public static final Set<ProjectStatus> PUBLIC = EnumSet.of(APPROVED, CONTRACTED, RUNNING, MIDTERM_REVIEW, RECTIFYING,
      FINAL_REVIEW, CLOSED, TERMINATED);

  /** The status names as SQL list items: 'A', 'B'. */
  public static String sqlList(Set<ProjectStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'").sorted().reduce((a, b) -> a + ", " + b).orElse("''");
  }
}
