package org.gridwatch.skynet;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.geo.io.SourceCrs;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sky net: cameras read from memory (a few thousand), written through here with checks (a camera must be
 * inside the district: its grid is derived from its position) and a {@link CameraChanged} event for every
 * change, so coverage is recomputed only where it moved.
 */
@Service
public class Cameras {
  /** What a bulk import did: how many rows were stored, and every refused row's problems. */
  public record ImportReport(int stored, int refused, List<FieldError> errors) {}

  private final CameraRepository repository;
  private final LocateService locate;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private volatile Map<String, CameraView> byCode;

  Cameras(CameraRepository repository, LocateService locate, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.locate = locate;
    this.events = events;
    this.clock = clock;
  }

  public List<CameraView> all() {
    return cache().values().stream().sorted(Comparator.comparing(CameraView::code)).toList();
  }

  public Optional<CameraView> find(String code) { return Optional.ofNullable(cache().get(code)); }

  /** Reads a drafted camera (not stored) from named values; throws a 400 problem naming the fields. */
  public CameraView draft(Map<String, String> input, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> in = new java.util.HashMap<>(input);
    in.putIfAbsent("code", "DRAFT");
    CameraView v = read(in, prefix, errors);
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return v;
  }

  /** Reads a camera; when lon or lat is out of range but the two swapped lie in the district, says so. */
  private CameraView read(Map<String, String> input, String prefix, List<FieldError> errors) {
    int first = errors.size();
    CameraView v = CameraInput.read(input, prefix, errors);
    for (int i = first; i < errors.size(); i++) {
      FieldError e = errors.get(i);
      if (!e.field().equals(prefix + "lon") && !e.field().equals(prefix + "lat")) continue;
      try {
        double lon = Double.parseDouble(input.get("lon").strip()), lat = Double.parseDouble(input.get("lat").strip());
        if (locate.place(lat, lon, Crs.WGS84).isPresent()) {
          errors.set(i, new FieldError(e.field(), Text.of("skynet.x-lon-and-lat-look", e.reason(), lat, lon)));
        }
      } catch (RuntimeException notNumbers) {
        // nothing to hint
      }
    }
    return v;
  }

  /** Checks a camera and places it in its grid; throws a 400 problem naming the fields otherwise. */
  public CameraView placed(CameraView v, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    CameraView out = placed(v, prefix, errors);
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return out;
  }

  private CameraView placed(CameraView v, String prefix, List<FieldError> errors) {
    if (Double.isNaN(v.lon()) || Double.isNaN(v.lat())) return v;
    Optional<Placement> p = locate.place(v.lon(), v.lat(), Crs.WGS84);
    if (p.isEmpty()) {
      errors.add(new FieldError(prefix + "lon", Text.of("skynet.x-x-outside-district", v.lon(), v.lat())));
      return v;
    }
    return new CameraView(v.code(), v.name(), v.lon(), v.lat(), v.type(), v.heading(), v.fov(), v.rangeM(), v.mountHeightM(),
        v.status(), v.keyArea(), v.installDate(), p.get().grid().code(), v.synthetic());
  }

  @Transactional
  public CameraView create(Map<String, String> input) {
    List<FieldError> errors = new ArrayList<>();
    CameraView v = read(input, "", errors);
    if (errors.isEmpty()) v = placed(v, "", errors);
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    if (repository.findByCode(v.code()).isPresent()) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-camera", "Camera exists", Text.of("skynet.camera-with-code-x-exists", v.code()), List.of(new FieldError("code", Text.of("skynet.already-used"))));
    }
    return save(null, v);
  }

  @Transactional
  public CameraView update(String code, Map<String, String> input) {
    Camera c = repository.findByCode(code).orElseThrow(() -> notFound(code));
    input.put("code", code);
    List<FieldError> errors = new ArrayList<>();
    CameraView v = read(input, "", errors);
    if (errors.isEmpty()) v = placed(v, "", errors);
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return save(c, v);
  }

  @Transactional
  public void delete(String code) {
    Camera c = repository.findByCode(code).orElseThrow(() -> notFound(code));
    CameraView before = c.view();
    repository.delete(c);
    repository.flush();
    byCode = null;
    events.publishEvent(new CameraChanged(before, null));
  }

  /** Stores every good row and refuses the bad ones, each with its problems; a refused row changes nothing. */
  @Transactional
  public ImportReport importRows(List<Map<String, String>> rows) { return importRows(rows, SourceCrs.CRS84); }

  /** As {@link #importRows(List)}, positions in {@code crs} (easting in lon, northing in lat when projected). */
  @Transactional
  public ImportReport importRows(List<Map<String, String>> given, SourceCrs crs) {
    ProjectedPositions.Result positions = ProjectedPositions.toWgs84(given, crs);
    List<Map<String, String>> rows = positions.rows();
    List<FieldError> errors = new ArrayList<>();
    List<CameraView> good = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String prefix = "rows[" + i + "].";
      List<FieldError> rowErrors = new ArrayList<>();
      String refused = positions.refused().get(i);
      if (refused != null) {
        errors.add(new FieldError(prefix + "lon", refused));
        continue;
      }
      CameraView v = read(rows.get(i), prefix, rowErrors);
      if (rowErrors.isEmpty()) v = placed(v, prefix, rowErrors);
      if (rowErrors.isEmpty() && !seen.add(v.code())) rowErrors.add(new FieldError(prefix + "code", Text.of("skynet.appears-twice-this-import")));
      if (rowErrors.isEmpty()) good.add(v);
      errors.addAll(rowErrors);
    }
    for (CameraView v : good) save(repository.findByCode(v.code()).orElse(null), v);
    return new ImportReport(good.size(), rows.size() - good.size(), errors);
  }

  private CameraView save(Camera existing, CameraView v) {
    CameraView before = existing == null ? null : existing.view();
    Camera c = existing != null ? existing : new Camera(v.code(), v.synthetic());
    c.apply(v, v.gridCode(), clock.instant());
    repository.save(c);
    repository.flush();
    byCode = null;
    CameraView after = c.view();
    events.publishEvent(new CameraChanged(before, after));
    return after;
  }

  /** Forgets the cached cameras (after a bulk load that bypassed this service). */
  void invalidate() { byCode = null; }

  @Transactional(readOnly = true)
  Map<String, CameraView> cache() {
    Map<String, CameraView> m = byCode;
    if (m == null) {
      m = repository.findAll().stream().map(Camera::view).collect(Collectors.toUnmodifiableMap(CameraView::code, Function.identity()));
      byCode = m;
    }
    return m;
  }

  static ProblemException notFound(String code) {
    return ProblemException.notFound("unknown-camera", "Unknown camera", Text.of("skynet.there-no-camera-x", code));
  }
}
