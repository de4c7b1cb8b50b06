package org.gridwatch.impact;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.Actor;
import org.gridwatch.media.PublicPhotos;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a funded project did: activities with their place, day, participants, volunteers, known persons and photos.
 *
 * <p>An activity outside the project's service area is accepted (the provider may well have served residents of its
 * target grids at a venue next door) but answered with the warning {@code outside-service-area} and its distance, stored
 * with {@code inside_service_area = false}, and counted in no outcome figure. Known persons are stored as keyed hashes
 * only ({@link PersonalData#lookupHash}), never as given. Photos are stored as their public copies in the transaction
 * that writes their row (committed before the answer).
 */
@Service
class ProjectActivities {
  /** Separates these keys from other keyed hashes of the same value (an ID number hashed for another lookup). */
  private static final String PERSON_KEY_PURPOSE = "project-activity-person:";

  private final JdbcTemplate jdbc;
  private final org.gridwatch.service.Sequences ids;
  private final FundedProjects projects;
  private final ImpactAccess access;
  private final LocateService locate;
  private final PersonalData personal;
  private final DistrictProfile district;
  private final Clock clock;

  ProjectActivities(JdbcTemplate jdbc, org.gridwatch.service.Sequences ids, FundedProjects projects, ImpactAccess access, LocateService locate,
      PersonalData personal, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.ids = ids;
    this.projects = projects;
    this.access = access;
    this.locate = locate;
    this.personal = personal;
    this.district = district;
    this.clock = clock;
  }

  @Transactional
  public ActivityView record(long projectId, ActivityRequest r, Actor actor) {
    FundedProject p = access.visible(projects.find(projectId), projectId, actor);
    access.checkRecorder(p, actor);
    projects.lock(projectId);
    p = projects.find(projectId).orElseThrow();
    if (!FundedProject.RECORDING.contains(p.status())) {
      throw new ProblemException(HttpStatus.CONFLICT, "out-of-order", "Out of order",
          Text.of("impact.not-recording", projectId, p.status().name()), List.of()).with("currentStatus", p.status().name());
    }
    checkDay(p, r.heldOn());
    Placement at = place(r.lon(), r.lat());
    Set<String> persons = r.persons() == null ? Set.of() : new LinkedHashSet<>(r.persons().stream().map(String::strip).toList());
    if (persons.size() > r.participants()) {
      throw unprocessable("participants", Text.of("impact.fewer-participants-than-persons", r.participants(), persons.size()));
    }
    Point point = Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(at.lon(), at.lat()));
    boolean inside = p.serviceArea().covers(point);
    long id = ids.next("project_activity_seq");
    jdbc.update("INSERT INTO project_activity (id, project_id, title, held_on, place, lon, lat, grid_code, inside_service_area,"
        + " participants, volunteers, recorded_by, recorded_at, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, projectId, r.title().strip(), Date.valueOf(r.heldOn()), blankToNull(r.place()), at.lon(), at.lat(), at.grid().code(),
        inside, r.participants(), r.volunteers(), actor.username(), Timestamp.from(clock.instant()), false);
    List<Object[]> keys = persons.stream().map(s -> new Object[] {id, personal.lookupHash(PERSON_KEY_PURPOSE + s)}).toList();
    if (!keys.isEmpty()) jdbc.batchUpdate("INSERT INTO project_activity_person (activity_id, person_key) VALUES (?, ?)", keys);
    List<ActivityView.Warning> warnings = inside ? List.of()
        : List.of(new ActivityView.Warning("outside-service-area", Math.round(distanceMetres(p, point))));
    return rows(projectId, id).get(0).withWarnings(warnings);
  }

  /** The activities of a project the actor may see, in the order held. */
  @Transactional(readOnly = true)
  public List<ActivityView> list(long projectId, Actor actor) {
    access.visible(projects.find(projectId), projectId, actor);
    return rows(projectId, null);
  }

  /** Stores a photo of an activity (its public copy and thumbnail, made before the transaction by {@link PublicPhotos}). */
  @Transactional
  public ActivityView.Photo addPhoto(long projectId, long activityId, PublicPhotos.Copy copy, Actor actor) {
    FundedProject p = access.visible(projects.find(projectId), projectId, actor);
    access.checkRecorder(p, actor);
    Integer found = jdbc.queryForObject("SELECT count(*) FROM project_activity WHERE id = ? AND project_id = ?", Integer.class,
        activityId, projectId);
    if (found == null || found == 0) throw unknownActivity(projectId, activityId);
    long photoId = ids.next("project_activity_photo_seq");
    jdbc.update("INSERT INTO project_activity_photo (id, activity_id, content_type, content, thumbnail, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
          ps.setLong(1, photoId);
          ps.setLong(2, activityId);
          ps.setString(3, copy.contentType());
          ps.setBytes(4, copy.bytes());
          ps.setBytes(5, copy.thumbnail());
          ps.setTimestamp(6, Timestamp.from(clock.instant()));
        });
    return photo(projectId, activityId, photoId);
  }

  /** A photo's bytes and type, if the actor may see the project: the public copy, or its JPEG thumbnail. */
  @Transactional(readOnly = true)
  public Optional<PhotoBytes> photoBytes(long projectId, long activityId, long photoId, boolean thumbnail, Actor actor) {
    access.visible(projects.find(projectId), projectId, actor);
    String column = thumbnail ? "thumbnail" : "content";
    return jdbc.query("SELECT f.content_type, f." + column + " FROM project_activity_photo f JOIN project_activity a ON a.id = f.activity_id"
        + " WHERE a.project_id = ? AND a.id = ? AND f.id = ?",
        (rs, i) -> new PhotoBytes(thumbnail ? "image/jpeg" : rs.getString(1), rs.getBytes(2)), projectId, activityId, photoId)
        .stream().findFirst();
  }

  record PhotoBytes(String contentType, byte[] bytes) {}

  /** The first day an activity may be held: the project's start, or its round's first running day while not started. */
  private void checkDay(FundedProject p, LocalDate day) {
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    LocalDate first = p.startedOn() != null ? p.startedOn() : p.runsFrom();
    if (day.isAfter(today)) throw unprocessable("heldOn", Text.of("impact.held-on-future", day, today));
    if (day.isBefore(first)) throw unprocessable("heldOn", Text.of("impact.held-on-before-start", day, first));
    if (p.endedOn() != null && day.isAfter(p.endedOn())) throw unprocessable("heldOn", Text.of("impact.held-on-after-end", day, p.endedOn()));
  }

  private Placement place(double lon, double lat) {
    if (!Double.isFinite(lon)) throw ProblemException.badInput("lon", Text.of("impact.not-a-number"));
    if (!Double.isFinite(lat)) throw ProblemException.badInput("lat", Text.of("impact.not-a-number"));
    locate.checkRange(lon, lat, Crs.WGS84, "lon", "lat");
    return locate.place(lon, lat, Crs.WGS84).orElseThrow(() -> unprocessable("lon", Text.of("impact.outside-district", lon, lat)));
  }

  private static double distanceMetres(FundedProject p, Point point) {
    var zone = MetricProjection.zoneFor(p.serviceArea());
    return zone.toMetres(p.serviceArea()).distance(zone.toMetres(point));
  }

  private List<ActivityView> rows(long projectId, Long onlyId) {
    record Row(long id, String title, LocalDate heldOn, String place, double lon, double lat, String grid, boolean inside,
        int participants, int volunteers) {}
    Object[] args = onlyId == null ? new Object[] {projectId} : new Object[] {projectId, onlyId};
    String and = onlyId == null ? "" : " AND id = ?";
    List<Row> rows = jdbc.query("SELECT id, title, held_on, place, lon, lat, grid_code, inside_service_area, participants, volunteers"
        + " FROM project_activity WHERE project_id = ?" + and + " ORDER BY held_on, id",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getDouble(5),
            rs.getDouble(6), rs.getString(7), rs.getBoolean(8), rs.getInt(9), rs.getInt(10)), args);
    Map<Long, Integer> known = new HashMap<>();
    Map<Long, List<ActivityView.Photo>> photos = new HashMap<>();
    jdbc.query("SELECT a.id, count(*) FROM project_activity_person k JOIN project_activity a ON a.id = k.activity_id"
        + " WHERE a.project_id = ?" + and.replace("id", "a.id") + " GROUP BY a.id", rs -> { known.put(rs.getLong(1), rs.getInt(2)); }, args);
    jdbc.query("SELECT a.id, f.id FROM project_activity_photo f JOIN project_activity a ON a.id = f.activity_id"
        + " WHERE a.project_id = ?" + and.replace("id", "a.id") + " ORDER BY f.id",
        rs -> { photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(photo(projectId, rs.getLong(1), rs.getLong(2))); }, args);
    return rows.stream().map(r -> new ActivityView(r.id(), projectId, r.title(), r.heldOn(), r.place(), r.lon(), r.lat(), r.grid(),
        r.inside(), r.participants(), r.volunteers(), known.getOrDefault(r.id(), 0), List.copyOf(photos.getOrDefault(r.id(), List.of())),
        List.of())).toList();
  }

  private static ActivityView.Photo photo(long projectId, long activityId, long photoId) {
    String url = "/api/v1/projects/" + projectId + "/activities/" + activityId + "/photos/" + photoId;
    return new ActivityView.Photo(photoId, url, url + "/thumbnail");
  }

  static ProblemException unknownActivity(long projectId, long activityId) {
    return ProblemException.notFound("unknown-activity", "Unknown activity", Text.of("impact.no-activity", projectId, activityId));
  }

  private static ProblemException unprocessable(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-activity", "Invalid activity", reason,
        List.of(new ProblemException.FieldError(field, reason)));
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
