package org.gridwatch.area;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writing boundaries: dated versions (the current one closed, a new one valid from now), under a lock on the
 * parent so that edits of siblings queue instead of racing; read from the database, never from the cache. After
 * the commit the catalog (and so the locator) is reloaded on this instance and every other one before the caller
 * gets its answer ({@link CatalogSync}).
 */
@Service
public class Boundaries {
  /** The current outline of an area as stored, with its entity tag. */
  public record Current(String code, int version, MultiPolygon boundary, String etag) {}

  /** Published when boundaries changed; the catalog reloads after the commit. */
  public record Changed(java.util.Set<String> codes, Instant at, long change) {}

  private final AreaRepository areas;
  private final AreaVersionRepository versions;
  private final AreaCatalog catalog;
  private final ApplicationEventPublisher events;
  private final CatalogSync sync;

  Boundaries(AreaRepository areas, AreaVersionRepository versions, AreaCatalog catalog, ApplicationEventPublisher events,
      CatalogSync sync) {
    this.sync = sync;
    this.areas = areas;
    this.versions = versions;
    this.catalog = catalog;
    this.events = events;
  }

  /** Locks the parent for the rest of the transaction and answers its children's current outlines, in code order. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Current> lockChildren(String parentCode) {
    areas.lockByCode(parentCode).orElseThrow(() -> ProblemException.notFound("unknown-area", "Unknown area", Text.of("area.there-no-area-x", parentCode)));
    Map<String, Current> out = new LinkedHashMap<>();
    versions.findCurrentChildren(parentCode).stream().sorted(java.util.Comparator.comparing(v -> v.getArea().getCode()))
        .forEach(v -> out.put(v.getArea().getCode(), current(v)));
    return out;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Current currentOf(String code) {
    return versions.findCurrentOf(code).map(Boundaries::current)
        .orElseThrow(() -> ProblemException.notFound("unknown-area", "Unknown area", Text.of("area.there-no-area-x", code)));
  }

  /**
   * The stored entity tag of every area named ({@code "retired"} for one no longer current), read after locking
   * the parents of them all, top down as every edit does: an edit of any of them either committed before (its
   * tag shows) or waits until this transaction ends. What a saved draft checks before it commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, String> lockedTags(java.util.Collection<String> codes) {
    java.util.TreeSet<String> parents = new java.util.TreeSet<>(java.util.Comparator.comparingInt(String::length)
        .thenComparing(java.util.Comparator.naturalOrder()));
    for (String code : codes) areas.findByCode(code).map(Area::getParentCode).ifPresent(parents::add);
    parents.forEach(areas::lockByCode);
    Map<String, String> out = new LinkedHashMap<>();
    for (String code : codes) out.put(code, versions.findCurrentOf(code).map(v -> AreaCatalog.etag(code, v)).orElse("retired"));
    return out;
  }

  /** Closes the current version of {@code code} at {@code now} and stores the new outline as the next one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Current supersede(String code, MultiPolygon boundary, int households, int residents, Instant now) {
    AreaVersion old = versions.findCurrentOf(code).orElseThrow();
    old.close(now);
    versions.saveAndFlush(old);
    AreaVersion next = new AreaVersion(old.getArea(), old.getVersion() + 1, now, boundary, MetricProjection.areaM2(boundary),
        households, residents);
    versions.saveAndFlush(next);
    return current(next);
  }

  /**
   * A new area under {@code parentCode} like {@code like} (level, kind, code length), with the next code never
   * used there — retired codes are not given out again — and its first version valid from {@code now}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Current create(String parentCode, String like, String name, MultiPolygon boundary, int households, int residents, Instant now) {
    Area model = areas.findByCode(like).orElseThrow();
    int digits = model.getCode().length() - parentCode.length();
    int next = areas.codesUnder(parentCode).stream().mapToInt(c -> Integer.parseInt(c.substring(parentCode.length()))).max().orElse(0) + 1;
    if (String.valueOf(next).length() > digits) throw ProblemException.badInput("codes", Text.of("area.no-codes-left-under-x", parentCode));
    String code = parentCode + String.format("%0" + digits + "d", next);
    Area area = areas.saveAndFlush(new Area(code, model.getLevel(), name, null, parentCode, model.getKind(), false, now));
    return current(versions.saveAndFlush(new AreaVersion(area, 1, now, boundary, MetricProjection.areaM2(boundary), households, residents)));
  }

  /**
   * The codes the next {@code n} areas created under {@code parentCode} will get, in order ({@code digits} long
   * after the parent's code; a parent not created yet has none used). Exact while the parent's own parent is locked.
   */
  @Transactional(readOnly = true)
  public java.util.List<String> nextCodes(String parentCode, int digits, int n) {
    int next = areas.codesUnder(parentCode).stream().mapToInt(c -> Integer.parseInt(c.substring(parentCode.length()))).max().orElse(0) + 1;
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) out.add(parentCode + String.format("%0" + digits + "d", next + i));
    return out;
  }

  /** Ends an area: its current version closes at {@code now} and the area is retired (it stays in history); answers that version. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int retire(String code, Instant now) {
    AreaVersion v = versions.findCurrentOf(code).orElseThrow();
    v.close(now);
    versions.saveAndFlush(v);
    v.getArea().retire(now);
    areas.saveAndFlush(v.getArea());
    return v.getVersion();
  }

  /**
   * Brings a retired area back (an edit being reverted): the same code, its next version valid from {@code now}.
   * Its code was never given out again, so nothing else holds it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Current revive(String code, MultiPolygon boundary, int households, int residents, Instant now) {
    Area area = areas.findByCode(code).orElseThrow();
    if (area.getRetiredAt() == null) throw new IllegalStateException(code + " is not retired");
    int last = versions.findHistory(code).stream().mapToInt(AreaVersion::getVersion).max().orElse(0);
    area.revive();
    areas.saveAndFlush(area);
    return current(versions.saveAndFlush(new AreaVersion(area, last + 1, now, boundary, MetricProjection.areaM2(boundary), households, residents)));
  }

  /** Announces the change; the catalog reloads once the transaction has committed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void announce(java.util.Set<String> codes, Instant at) { events.publishEvent(new Changed(codes, at, sync.announce())); }

  /** After the commit: this instance's catalog, then every other instance's, before the caller gets its answer. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void reloadAfterCommit(Changed e) {
    catalog.reload();
    sync.awaitEveryInstance(e.change());
  }

  private static Current current(AreaVersion v) {
    return new Current(v.getArea().getCode(), v.getVersion(), v.getBoundary(), AreaCatalog.etag(v.getArea().getCode(), v));
  }
}
