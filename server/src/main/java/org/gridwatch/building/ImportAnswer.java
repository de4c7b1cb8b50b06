package org.gridwatch.building;

import java.util.List;
import org.gridwatch.problem.ProblemException.FieldError;

/**
 * What a buildings import did (or, with {@code dryRun}, would do): features stored, features refused with every
 * problem, how many compounds got a derived outline, and the areas whose households and residents changed.
 */
record ImportAnswer(int stored, int refused, List<FieldError> errors, boolean dryRun, int derivedCompounds,
    List<String> recountedAreas) {}
