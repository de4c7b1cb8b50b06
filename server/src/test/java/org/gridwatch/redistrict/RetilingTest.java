package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.geo.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The rules of a re-tiling on small fixtures in Qingdao (cells of 0.001°, about 90 m × 111 m): a parent three
 * cells wide holding A, B and C side by side.
 */
class RetilingTest {
  static final double X = 120.35, Y = 36.08, CELL = 0.001;
  static final Geometry PARENT = box(0, 3);
  static final Map<String, MultiPolygon> CURRENT = new LinkedHashMap<>();

  static {
    CURRENT.put("A", Geometries.asMultiPolygon(box(0, 1)));
    CURRENT.put("B", Geometries.asMultiPolygon(box(1, 2)));
    CURRENT.put("C", Geometries.asMultiPolygon(box(2, 3)));
  }

  /** The cells from {@code from} to {@code to} (in cells, along x), one cell high. */
  static Geometry box(double from, double to) {
    var f = Geometries.FACTORY;
    return f.toGeometry(new org.locationtech.jts.geom.Envelope(X + from * CELL, X + to * CELL, Y, Y + CELL));
  }

  static Retiling.Result check(Retile.Piece... pieces) {
    return Retiling.check("P", PARENT, CURRENT, List.of(pieces), code -> Optional.empty(), 100);
  }

  static Retile.Piece piece(int i, String code, Geometry g) { return new Retile.Piece(i, code, null, g); }

  @Test
  void theCurrentChildrenSentBackInAnyRingOrderChangeNothing() {
    Retiling.Result r = check(piece(0, "A", box(0, 1).reverse()), piece(1, "B", box(1, 2)), piece(2, "C", box(2, 3)));
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    assertThat(r.changesNothing()).isTrue();
    assertThat(r.outlines().get(0).outline()).isSameAs(CURRENT.get("A"));
  }

  @Test
  void movingABorderReshapesBothSidesAndLeavingOneOutRetiresIt() {
    Retiling.Result r = check(piece(0, "A", box(0, 1.5)), piece(1, "B", box(1.5, 3)));
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    assertThat(r.outlines()).extracting(Retiling.Outline::fate).containsExactly(Retiling.Fate.RESHAPED, Retiling.Fate.RESHAPED);
    assertThat(r.retired()).containsExactly("C");
  }

  @Test
  void aNewPieceWithoutCodeIsCreated() {
    Retiling.Result r = check(piece(0, "A", box(0, 1)), piece(1, "B", box(1, 2)), piece(2, "C", box(2, 2.5)), piece(3, null, box(2.5, 3)));
    assertThat(r.ok()).as(r.errors().toString()).isTrue();
    assertThat(r.outlines()).extracting(Retiling.Outline::fate).containsExactly(Retiling.Fate.KEPT, Retiling.Fate.KEPT,
        Retiling.Fate.RESHAPED, Retiling.Fate.CREATED);
    assertThat(r.retired()).isEmpty();
  }

  @Test
  void aGapIsBlamedOnThePieceThatChangedWithItsPlaceAndArea() {
    Retiling.Result r = check(piece(0, "A", box(0, 1)), piece(1, "B", box(1, 1.8)), piece(2, "C", box(2, 3)));
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).field()).isEqualTo("features[1].geometry");
    assertThat(r.errors().get(0).reason().toString()).contains("gap of").contains("m²").contains(" at (120.35");
  }

  @Test
  void anAreaInTwoPiecesASliverAndADuplicateCodeAreRefused() {
    Retiling.Result twoParts = check(piece(0, "A", box(0, 1).union(box(2, 3))), piece(1, "B", box(1, 2)));
    assertThat(twoParts.errors()).extracting(e -> e.field() + ": " + e.reason()).anyMatch(s -> s.startsWith("features[0].geometry: is in 2 pieces"));
    Retiling.Result sliver = check(piece(0, "A", box(0, 1)), piece(1, "B", box(1, 2.995)), piece(2, "C", box(2.995, 3)));
    assertThat(sliver.errors()).extracting(e -> e.field() + ": " + e.reason()).anyMatch(s -> s.startsWith("features[2].geometry: has a sliver"));
    Retiling.Result twice = check(piece(0, "A", box(0, 1)), piece(1, "A", box(1, 2)), piece(2, "C", box(2, 3)));
    assertThat(twice.errors()).extracting(e -> e.field()).contains("features[1].properties.code");
  }

  @Test
  void aGapThatWasAlreadyThereIsNotBlamedOnAnyone() {
    Map<String, MultiPolygon> holey = new LinkedHashMap<>(CURRENT);
    holey.put("B", Geometries.asMultiPolygon(box(1, 1.9998))); // a 2 m² gap, inside the tiling tolerance
    Retiling.Result r = Retiling.check("P", PARENT, holey, List.of(piece(0, "A", box(0, 0.9)), piece(1, "B", box(0.9, 1.9998)),
        piece(2, "C", box(2, 3))), code -> Optional.empty(), 100);
    assertThat(r.errors()).isEmpty();
  }
}
