package org.gridwatch.incident;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the reporter following their case (with its follow token) reads beyond the case view: the steps in order
 * with the unit holding it by name, how it was resolved, and their rating. Staff names never appear; the handler's
 * words (the resolution, a consultation's answer) are shown with phone and ID numbers masked ({@link Disclosure}).
 */
final class ReporterView {
  private ReporterView() {}

  /** One step of the timeline; {@code note} only for a resolution, an answer or the reporter's own rating. */
  record Step(Instant at, String type, String to, String level, UnitNames.UnitName unit, String note, Rating rating) {}

  /** How the case was resolved last: when, the handler's note, and the photo link given with it (if any). */
  record Resolution(Instant at, String note, String photoUrl) {}

  /** The reporter's rating as recorded; {@code reworkWindowPassed}: unsatisfied, but too late to reopen the case. */
  record Rated(Rating rating, String comment, Instant at, boolean reopened, boolean reworkWindowPassed) {
    static Rated of(Feedback f) {
      return new Rated(f.getRating(), f.getComment(), f.getAt(), f.isReopened(), f.getRating() == Rating.UNSATISFIED && !f.isReopened());
    }
  }

  /** Steps a resident is told about; the clock's warnings, duplicate links, re-homing and supervision are internal. */
  private static final Set<IncidentEvent.Type> SHOWN = EnumSet.complementOf(EnumSet.of(IncidentEvent.Type.SLA_WARNING,
      IncidentEvent.Type.OVERDUE, IncidentEvent.Type.LINKED_DUPLICATE, IncidentEvent.Type.REHOMED, IncidentEvent.Type.SUPERVISED));
  private static final Set<IncidentEvent.Type> WITH_NOTE = EnumSet.of(IncidentEvent.Type.RESOLVED, IncidentEvent.Type.ANSWERED,
      IncidentEvent.Type.FEEDBACK);

  static List<Step> steps(List<IncidentEvent> history, UnitNames names) {
    return history.stream().filter(e -> SHOWN.contains(e.getType())).map(e -> new Step(e.getAt(), e.getType().name(),
        e.getToStatus() == null ? null : e.getToStatus().name(), e.getLevel() == null ? null : e.getLevel().name(),
        names.of(e.getLevel(), e.getUnitCode()), WITH_NOTE.contains(e.getType()) ? Disclosure.mask(e.getNote()) : null,
        e.getRating())).toList();
  }

  /** The last resolution (or a consultation's answer), or null while there is none. */
  static Resolution resolution(List<IncidentEvent> history) {
    Resolution last = null;
    for (IncidentEvent e : history) {
      if (e.getType() == IncidentEvent.Type.RESOLVED || e.getType() == IncidentEvent.Type.ANSWERED) {
        last = new Resolution(e.getAt(), Disclosure.mask(e.getNote()), e.getPhotoUrl());
      }
    }
    return last;
  }
}
