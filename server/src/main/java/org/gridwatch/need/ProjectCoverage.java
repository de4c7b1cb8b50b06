package org.gridwatch.need;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Where running funded projects serve which request category: what makes high demand "unmet" or not. The funding
 * capability answers it (the arrow points funding → need: needs know nothing of how projects are run).
 */
public interface ProjectCoverage {
  /**
   * Grid codes served on {@code day}, by request category code: the target grids of every project that answers the
   * category and is contracted and not yet closed or terminated on that day, plus every grid of its target communities.
   */
  Map<String, Set<String>> gridsServed(LocalDate day);
}
