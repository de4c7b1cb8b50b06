package org.gridwatch.service;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Placement;
import org.gridwatch.incident.Actor;
import org.gridwatch.media.PublicPhotos;
import org.gridwatch.organisation.OrganisationNames;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service points: stored, read, changed and removed, each placed in its grid when written. Writers: ADMIN, the
 * community or subdistrict staff over the point's place, the staff of the organisation that runs it.
 * Photos are kept as their public copies (no metadata) in the transaction that stores their row.
 */
@Service
public class ServicePoints {
  private static final String COLUMNS = "p.id, p.name, p.kind, p.lon, p.lat, p.address, p.grid_code, p.community_code, "
      + "p.subdistrict_code, p.organisation_id, o.name";

  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final Places places;
  private final ServiceScope scope;
  private final OrganisationNames organisations;
  private final Clock clock;

  ServicePoints(JdbcTemplate jdbc, Sequences sequences, Places places, ServiceScope scope, OrganisationNames organisations,
      Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.places = places;
    this.scope = scope;
    this.organisations = organisations;
    this.clock = clock;
  }

  @Transactional
  public ServicePointView create(ServicePointRequest r, Actor actor, boolean synthetic) {
    List<WeeklyHours> hours = WeeklyHours.checked(r.openingHours(), "openingHours");
    Placement at = places.place(r.lon(), r.lat(), "lon", "lat");
    checkOrganisation(r.organisation());
    if (!scope.mayWrite(actor, at.grid().code(), r.organisation())) throw ServiceScope.refused(actor, "add a service point here");
    long id = sequences.next("service_point_seq");
    jdbc.update("INSERT INTO service_point (id, name, kind, lon, lat, address, grid_code, community_code, subdistrict_code, "
        + "organisation_id, synthetic, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.name().strip(), r.kind().name(),
        at.lon(), at.lat(), blankToNull(r.address()), at.grid().code(), code(at.community()), code(at.subdistrict()),
        r.organisation(), synthetic, Timestamp.from(clock.instant()));
    writeHours(id, hours);
    return find(id).orElseThrow();
  }

  @Transactional
  public ServicePointView update(long id, ServicePointRequest r, Actor actor) {
    ServicePointView old = require(id);
    if (!scope.mayWrite(actor, old.grid(), old.organisation() == null ? null : old.organisation().id())) {
      throw ServiceScope.refused(actor, "change service point " + id);
    }
    List<WeeklyHours> hours = WeeklyHours.checked(r.openingHours(), "openingHours");
    Placement at = places.place(r.lon(), r.lat(), "lon", "lat");
    checkOrganisation(r.organisation());
    if (!scope.mayWrite(actor, at.grid().code(), r.organisation())) throw ServiceScope.refused(actor, "move service point " + id + " there");
    jdbc.update("UPDATE service_point SET name = ?, kind = ?, lon = ?, lat = ?, address = ?, grid_code = ?, community_code = ?, "
        + "subdistrict_code = ?, organisation_id = ? WHERE id = ?", r.name().strip(), r.kind().name(), at.lon(), at.lat(),
        blankToNull(r.address()), at.grid().code(), code(at.community()), code(at.subdistrict()), r.organisation(), id);
    jdbc.update("DELETE FROM service_point_hours WHERE service_point_id = ?", id);
    writeHours(id, hours);
    return find(id).orElseThrow();
  }

  /** Removes a point with its hours and photos; 409 while an offer is made at it. */
  @Transactional
  public void delete(long id, Actor actor) {
    ServicePointView old = require(id);
    if (!scope.mayWrite(actor, old.grid(), old.organisation() == null ? null : old.organisation().id())) {
      throw ServiceScope.refused(actor, "remove service point " + id);
    }
    Integer offers = jdbc.queryForObject("SELECT count(*) FROM service_offer WHERE service_point_id = ?", Integer.class, id);
    if (offers != null && offers > 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "service-point-in-use", "Service point in use",
          Text.of("service.point-has-offers", id, offers), List.of());
    }
    jdbc.update("DELETE FROM service_point_photo WHERE service_point_id = ?", id);
    jdbc.update("DELETE FROM service_point_hours WHERE service_point_id = ?", id);
    jdbc.update("DELETE FROM service_point WHERE id = ?", id);
  }

  /** Stores a photo of the point (its public copy and thumbnail, made before the transaction by {@link PublicPhotos}). */
  @Transactional
  public ServicePointView.Photo addPhoto(long id, PublicPhotos.Copy copy, Actor actor) {
    ServicePointView point = require(id);
    if (!scope.mayWrite(actor, point.grid(), point.organisation() == null ? null : point.organisation().id())) {
      throw ServiceScope.refused(actor, "add photos to service point " + id);
    }
    jdbc.queryForList("SELECT id FROM service_point WHERE id = ? FOR UPDATE", Long.class, id);
    long photoId = sequences.next("service_point_photo_seq");
    jdbc.update("INSERT INTO service_point_photo (id, service_point_id, content_type, width, height, content, thumbnail, "
        + "uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
          ps.setLong(1, photoId);
          ps.setLong(2, id);
          ps.setString(3, copy.contentType());
          ps.setInt(4, copy.width());
          ps.setInt(5, copy.height());
          ps.setBytes(6, copy.bytes());
          ps.setBytes(7, copy.thumbnail());
          ps.setTimestamp(8, Timestamp.from(clock.instant()));
          ps.setString(9, actor.username());
        });
    return photo(id, photoId, copy.width(), copy.height());
  }

  /** A photo's bytes and type: the public copy, or its thumbnail. */
  public Optional<PhotoBytes> photoBytes(long pointId, long photoId, boolean thumbnail) {
    String column = thumbnail ? "thumbnail" : "content";
    return jdbc.query("SELECT content_type, " + column + " FROM service_point_photo WHERE service_point_id = ? AND id = ?",
        (rs, i) -> new PhotoBytes(thumbnail ? "image/jpeg" : rs.getString(1), rs.getBytes(2)), pointId, photoId).stream().findFirst();
  }

  /** A photo's bytes and content type. */
  public record PhotoBytes(String contentType, byte[] bytes) {}

  public Optional<ServicePointView> find(long id) {
    return query(" WHERE p.id = ?", id).stream().findFirst();
  }

  ServicePointView require(long id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("unknown-service-point", "Unknown service point",
        Text.of("service.no-service-point-x", id)));
  }

  /** The points of a kind (null: all) inside an area (a grid, community or subdistrict code; null: everywhere), by id. */
  public List<ServicePointView> list(PointKind kind, String area) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (kind != null) {
      where.append(" AND p.kind = ?");
      args.add(kind.name());
    }
    if (area != null) {
      AreaView a = places.area(area, "area");
      where.append(switch (a.level()) {
        case GRID -> " AND p.grid_code = ?";
        case COMMUNITY -> " AND p.community_code = ?";
        default -> " AND p.subdistrict_code = ?";
      });
      args.add(a.code());
    }
    return query(where.toString(), args.toArray());
  }

  private List<ServicePointView> query(String where, Object... args) {
    record Row(long id, String name, PointKind kind, double lon, double lat, String address, String grid, String community,
        String subdistrict, ServicePointView.Named organisation) {}
    List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM service_point p LEFT JOIN organisation o ON o.id = p.organisation_id"
        + where + " ORDER BY p.id", (rs, i) -> new Row(rs.getLong(1), rs.getString(2), PointKind.valueOf(rs.getString(3)),
            rs.getDouble(4), rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getObject(10) == null ? null : new ServicePointView.Named(rs.getLong(10), rs.getString(11))), args);
    if (rows.isEmpty()) return List.of();
    Map<Long, List<WeeklyHours>> hours = new HashMap<>();
    Map<Long, List<ServicePointView.Photo>> photos = new HashMap<>();
    boolean one = rows.size() == 1;
    jdbc.query("SELECT service_point_id, weekday, starts, ends FROM service_point_hours" + (one ? " WHERE service_point_id = ?" : "")
        + " ORDER BY service_point_id, weekday, starts", rs -> {
          hours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new WeeklyHours(rs.getInt(2),
              rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
        }, one ? new Object[] {rows.get(0).id()} : new Object[0]);
    jdbc.query("SELECT service_point_id, id, width, height FROM service_point_photo" + (one ? " WHERE service_point_id = ?" : "")
        + " ORDER BY service_point_id, id", rs -> {
          photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(photo(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)));
        }, one ? new Object[] {rows.get(0).id()} : new Object[0]);
    return rows.stream().map(r -> new ServicePointView(r.id(), r.name(), r.kind(), r.lon(), r.lat(), r.address(), r.grid(),
        r.community(), r.subdistrict(), List.copyOf(hours.getOrDefault(r.id(), List.of())), r.organisation(),
        List.copyOf(photos.getOrDefault(r.id(), List.of())))).toList();
  }

  private static ServicePointView.Photo photo(long pointId, long photoId, int width, int height) {
    String url = "/api/v1/service-points/" + pointId + "/photos/" + photoId;
    return new ServicePointView.Photo(photoId, url, url + "/thumbnail", width, height);
  }

  private void writeHours(long id, List<WeeklyHours> hours) {
    for (WeeklyHours h : hours) {
      jdbc.update("INSERT INTO service_point_hours (service_point_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", id, h.weekday(),
          Time.valueOf(h.from()), Time.valueOf(h.to()));
    }
  }

  private void checkOrganisation(Long organisation) {
    if (organisation != null && organisations.find(organisation).isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-organisation", "Unknown organisation",
          Text.of("service.no-organisation-x", organisation), List.of(new ProblemException.FieldError("organisation",
              Text.of("service.no-organisation-x", organisation))));
    }
  }

  private static String code(AreaView a) { return a == null ? null : a.code(); }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
