package org.gridwatch.patrol;

import java.time.Instant;
import java.util.List;
import org.gridwatch.groundnet.Mode;
import tools.jackson.databind.JsonNode;

/** What the patrol endpoints answer. */
final class PatrolAnswers {
  private PatrolAnswers() {}

  /** A key point of the patrol's route and when this patrol checked in there (null: not yet). */
  record CheckpointState(String code, String name, double lon, double lat, double radiusM, Instant checkedAt) {}

  /** Something the reader should know, in both languages (e.g. why a patrol ended without a track). */
  record Note(String zh, String en) {}

  /**
   * A patrol: {@code track} is a GeoJSON LineString once ended with at least two accepted fixes, else null (then
   * {@code note} says why).
   */
  record Patrol(long id, String status, String owner, String person, Instant startedAt, Instant endedAt, String route,
      String grid, Mode mode, double widthM, double lengthM, int points, List<CheckpointState> checkpoints,
      JsonNode track, Note note) {}

  /** A fix left out of the track: its index in the batch, a reason code and an explanation. */
  record Rejected(int index, String reason, String detail) {}

  /** The outcome of a batch: fixes accepted, those rejected, the track's length so far and the check-ins. */
  record Points(int accepted, List<Rejected> rejected, double lengthM, List<CheckpointState> checkpoints) {}
}
