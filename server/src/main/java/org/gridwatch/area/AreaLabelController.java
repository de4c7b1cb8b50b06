package org.gridwatch.area;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/areas/labels?level=grids&bbox=w,s,e,n}: the areas of one level whose label point lies in a
 * view, without their outlines — what a map drawn from vector tiles still needs to label its areas and to fill
 * grids by households (the tiles carry codes and names only). Read from the in-memory catalog; at most
 * {@value #MAX_LABELS} areas, {@code truncated} when the view holds more.
 */
@RestController
class AreaLabelController {
  static final int MAX_LABELS = 5000;
  private final AreaCatalog catalog;

  AreaLabelController(AreaCatalog catalog) { this.catalog = catalog; }

  /** An area's label: where to write its name (an interior point, lon/lat), its parent's code and the figures maps colour it by. */
  record AreaLabel(String code, String name, String nameEn, String parent, String kind, int households, int residents, List<Double> at) {}

  record AreaLabels(List<AreaLabel> areas, boolean truncated) {}

  @GetMapping("/api/v1/areas/labels")
  AreaLabels labels(@RequestParam(required = false) String level, @RequestParam(required = false) String bbox) {
    AreaLevel wanted = level(level);
    Envelope view = bbox(bbox);
    List<AreaView> inView = new ArrayList<>();
    for (AreaView a : catalog.now().level(wanted)) {
      if (view.intersects(a.boundary().getEnvelopeInternal())) inView.add(a);
    }
    inView.sort(Comparator.comparing(AreaView::code));
    List<AreaLabel> labels = new ArrayList<>();
    boolean truncated = false;
    for (AreaView a : inView) {
      var p = a.boundary().getInteriorPoint();
      if (!view.contains(p.getX(), p.getY())) continue;
      if (labels.size() == MAX_LABELS) {
        truncated = true;
        break;
      }
      labels.add(new AreaLabel(a.code(), a.name(), a.nameEn(), a.parentCode(), a.kind(), a.households(), a.residents(),
          List.of(Math.round(p.getX() * 1e7) / 1e7, Math.round(p.getY() * 1e7) / 1e7)));
    }
    return new AreaLabels(labels, truncated);
  }

  private static AreaLevel level(String level) {
    for (AreaLevel l : AreaLevel.values()) {
      if (l != AreaLevel.DISTRICT && l.plural().equals(level)) return l;
    }
    throw ProblemException.badInput("level", Text.of("area.one-subdistricts-communities-grids"));
  }

  private static Envelope bbox(String bbox) {
    String[] parts = bbox == null ? new String[0] : bbox.split(",", -1);
    if (parts.length != 4) throw ProblemException.badInput("bbox", Text.of("area.bbox-west-south-east-north"));
    double[] v = new double[4];
    try {
      for (int i = 0; i < 4; i++) v[i] = Double.parseDouble(parts[i].trim());
    } catch (NumberFormatException e) {
      throw ProblemException.badInput("bbox", Text.of("area.bbox-west-south-east-north"));
    }
    boolean lonLat = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180 && Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90;
    if (!lonLat || v[0] > v[2] || v[1] > v[3]) throw ProblemException.badInput("bbox", Text.of("area.bbox-west-south-east-north"));
    return new Envelope(v[0], v[2], v[1], v[3]);
  }
}
