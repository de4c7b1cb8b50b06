package org.gridwatch.geo.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

class PolygonCoverageIndexTest {
  static final GeometryFactory GF = new GeometryFactory();

  record Cell(String id, Geometry polygon) {}

  static PolygonCoverageIndex<Cell> index(List<Cell> cells) {
    return new PolygonCoverageIndex<>(cells, Cell::polygon, Comparator.comparing(Cell::id));
  }

  @Test
  void pointsOnSharedEdgesAndVerticesGoToTheFirstPolygonInOrder() throws Exception {
    WKTReader r = new WKTReader(GF);
    List<Cell> cells = List.of(
        new Cell("b", r.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")),
        new Cell("a", r.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")),
        new Cell("c", r.read("POLYGON ((0 1, 2 1, 2 2, 0 2, 0 1))")));
    PolygonCoverageIndex<Cell> index = index(cells);
    assertThat(index.locate(1, 0.5).id()).isEqualTo("a");   // edge a|b
    assertThat(index.locate(1.5, 1).id()).isEqualTo("b");   // edge b|c
    assertThat(index.locate(1, 1).id()).isEqualTo("a");     // vertex of a, b and c
    assertThat(index.locate(0.5, 0.5).id()).isEqualTo("a");
    assertThat(index.locate(1.5, 0.5).id()).isEqualTo("b");
    assertThat(index.locate(2, 2).id()).isEqualTo("c");     // outer corner still belongs
    assertThat(index.locate(0, 0).id()).isEqualTo("a");
    assertThat(index.locate(2.0001, 1)).isNull();
    assertThat(index.locate(-5, -5)).isNull();
  }

  @Test
  void agreesWithBruteForceOnARandomVoronoiCoverage() {
    SplittableRandom random = new SplittableRandom(42);
    List<Coordinate> sites = new ArrayList<>();
    for (int i = 0; i < 500; i++) sites.add(new Coordinate(random.nextDouble(0, 100), random.nextDouble(0, 50)));
    VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
    vb.setSites(sites);
    Envelope clip = new Envelope(0, 100, 0, 50);
    vb.setClipEnvelope(clip);
    Geometry diagram = vb.getDiagram(GF);
    Geometry frame = GF.toGeometry(clip);
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < diagram.getNumGeometries(); i++) cells.add(new Cell(String.format("%04d", i), diagram.getGeometryN(i).intersection(frame)));
    PolygonCoverageIndex<Cell> index = index(cells);
    for (int i = 0; i < 50_000; i++) {
      Coordinate p = new Coordinate(random.nextDouble(-5, 105), random.nextDouble(-5, 55));
      String expected = null;
      for (Cell c : cells) {
        int loc = SimplePointInAreaLocator.locate(p, c.polygon());
        if (loc == Location.INTERIOR) { expected = c.id(); break; }
        if (loc == Location.BOUNDARY && (expected == null || c.id().compareTo(expected) < 0)) expected = c.id();
      }
      Cell got = index.locate(p.x, p.y);
      assertThat(got == null ? null : got.id()).as("point %s", p).isEqualTo(expected);
    }
  }

  @Test
  void anEmptyIndexFindsNothing() {
    assertThat(index(List.of()).locate(1, 1)).isNull();
  }
}
