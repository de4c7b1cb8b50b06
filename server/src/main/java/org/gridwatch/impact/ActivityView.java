package org.gridwatch.impact;

import java.time.LocalDate;
import java.util.List;

/**
 * A project activity as anyone who may see the project reads it: never the persons, only how many were known.
 *
 * @param insideServiceArea false: kept, but counted in no outcome figure
 * @param warnings          on the answer to a write only: e.g. {@code outside-service-area} with the distance in metres
 */
record ActivityView(long id, long project, String title, LocalDate heldOn, String place, double lon, double lat, String grid,
    boolean insideServiceArea, int participants, int volunteers, int knownPersons, List<Photo> photos, List<Warning> warnings) {

  record Photo(long id, String url, String thumbnailUrl) {}

  /** Something the writer should know about an accepted record; the page words {@code code} in its language. */
  record Warning(String code, Long distanceMetres) {}

  ActivityView withWarnings(List<Warning> w) {
    return new ActivityView(id, project, title, heldOn, place, lon, lat, grid, insideServiceArea, participants, volunteers,
        knownPersons, photos, w);
  }
}
