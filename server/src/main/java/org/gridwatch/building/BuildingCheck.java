package org.gridwatch.building;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingRegister.NewBuilding;
import org.gridwatch.area.BuildingRegister.NewCompound;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.io.DeliveredFeature;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Checks every feature of a buildings import. A feature of {@code kind} {@code building} (the default) is a Point or
 * a footprint (Polygon/MultiPolygon) with {@code code}, {@code name}, {@code compound} (the 小区 it belongs to, by
 * name), {@code households}, {@code residents} and {@code address}; one of kind {@code compound} is a compound's
 * outline with its {@code name}. Checks all of them, and names each problem by its JSON path
 * ({@code features[12].properties.households}). A building must have a code used once in the file, households and
 * residents of 0 or more, a valid Point or footprint, and lie in a grid (its footprint's interior point does); a
 * compound outline needs a name used once and a valid polygonal outline. Nothing is stored here.
 */
final class BuildingCheck {
  /** The features that passed, and the problems of those that did not ({@code refused} counts features). */
  record Checked(List<NewBuilding> buildings, List<NewCompound> compounds, List<FieldError> errors, int refused) {}

  private static final String CODE = "[A-Za-z0-9_.:-]{1,40}";
  private static final int MAX_PEOPLE = 100_000;

  private final AreaCatalog.Snapshot areas;
  private final boolean zh;

  BuildingCheck(AreaCatalog.Snapshot areas, boolean zh) {
    this.areas = areas;
    this.zh = zh;
  }

  /**
   * Checks the rows read; {@code unreadable} are the features the reader could not read (their errors are kept and
   * they count as refused). {@code total} is the number of features in the file.
   */
  Checked check(List<DeliveredFeature> rows, List<FieldError> unreadable) {
    List<NewBuilding> buildings = new ArrayList<>();
    List<NewCompound> compounds = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>(unreadable);
    java.util.Set<String> unreadableFeatures = new java.util.HashSet<>();
    unreadable.forEach(e -> unreadableFeatures.add(feature(e.field())));
    Map<String, Integer> codes = new HashMap<>(), names = new HashMap<>();
    int refused = unreadableFeatures.size();
    for (DeliveredFeature f : rows) {
      String at = "features[" + f.index() + "].";
      List<FieldError> row = new ArrayList<>();
      String kind = f.text("kind");
      if (kind != null && !kind.equals("compound") && !kind.equals("building")) {
        row.add(new FieldError(at + "properties.kind", ImportText.UNKNOWN_KIND.say(zh)));
      } else if ("compound".equals(kind)) {
        NewCompound c = compound(f, at, names, row);
        if (row.isEmpty()) compounds.add(c);
      } else {
        NewBuilding b = building(f, at, codes, row);
        if (row.isEmpty()) buildings.add(b);
      }
      if (!row.isEmpty() && unreadableFeatures.add(at)) refused++;
      errors.addAll(row);
    }
    errors.sort(java.util.Comparator.comparingInt(e -> index(e.field())));
    return new Checked(List.copyOf(buildings), List.copyOf(compounds), List.copyOf(errors), refused);
  }

  /** {@code features[12].}: the feature an error names. */
  private static String feature(String field) {
    int end = field.indexOf(']');
    return end < 0 ? field : field.substring(0, end + 1) + ".";
  }

  private static int index(String field) {
    int open = field.indexOf('['), close = field.indexOf(']');
    try {
      return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private NewBuilding building(DeliveredFeature f, String at, Map<String, Integer> codes, List<FieldError> row) {
    int i = f.index();
    String code = f.text("code");
    if (code == null || code.isEmpty()) row.add(new FieldError(at + "properties.code", ImportText.CODE_REQUIRED.say(zh)));
    else if (!code.matches(CODE)) row.add(new FieldError(at + "properties.code", ImportText.CODE_FORMAT.say(zh)));
    else if (codes.putIfAbsent(code, i) != null) {
      row.add(new FieldError(at + "properties.code", ImportText.CODE_TWICE.say(zh, code, codes.get(code))));
    }
    String name = f.text("name");
    if (name != null && name.length() > 100) row.add(new FieldError(at + "properties.name", ImportText.NAME_TOO_LONG.say(zh)));
    String compound = f.text("compound");
    if (compound != null && compound.length() > 100) row.add(new FieldError(at + "properties.compound", ImportText.NAME_TOO_LONG.say(zh)));
    String address = f.text("address");
    if (address != null && address.length() > 200) row.add(new FieldError(at + "properties.address", ImportText.ADDRESS_TOO_LONG.say(zh)));
    int households = people(f.text("households"), at + "properties.households", row);
    int residents = people(f.text("residents"), at + "properties.residents", row);
    Geometry g = f.geometry();
    if (!(g instanceof Point || g instanceof Polygonal)) {
      row.add(new FieldError(at + "geometry", ImportText.BUILDING_GEOMETRY.say(zh)));
      return null;
    }
    if (!valid(g, at + "geometry", row)) return null;
    MultiPolygon footprint = g instanceof Polygonal ? Geometries.asMultiPolygon(g) : null;
    Point location = footprint == null ? (Point) g : footprint.getInteriorPoint();
    if (areas.gridAt(location.getX(), location.getY()).isEmpty()) {
      row.add(new FieldError(at + "geometry", ImportText.OUTSIDE_GRIDS.say(zh, round(location.getX()), round(location.getY()))));
    }
    if (!row.isEmpty()) return null;
    return new NewBuilding(code, name == null ? code : name, location, footprint, compound, address, households, residents);
  }

  private NewCompound compound(DeliveredFeature f, String at, Map<String, Integer> names, List<FieldError> row) {
    int i = f.index();
    String name = f.text("name");
    if (name == null) row.add(new FieldError(at + "properties.name", ImportText.NAME_REQUIRED.say(zh)));
    else if (name.length() > 100) row.add(new FieldError(at + "properties.name", ImportText.NAME_TOO_LONG.say(zh)));
    else if (names.putIfAbsent(name, i) != null) {
      row.add(new FieldError(at + "properties.name", ImportText.COMPOUND_TWICE.say(zh, name, names.get(name))));
    }
    Geometry g = f.geometry();
    if (!(g instanceof Polygonal)) {
      row.add(new FieldError(at + "geometry", ImportText.COMPOUND_GEOMETRY.say(zh)));
      return null;
    }
    if (!valid(g, at + "geometry", row) || !row.isEmpty()) return null;
    return new NewCompound(name, Geometries.asMultiPolygon(g), false);
  }

  private boolean valid(Geometry g, String path, List<FieldError> row) {
    IsValidOp op = new IsValidOp(g);
    if (op.isValid()) return true;
    var e = op.getValidationError();
    String where = e.getCoordinate() == null ? "" : " (" + round(e.getCoordinate().x) + ", " + round(e.getCoordinate().y) + ")";
    row.add(new FieldError(path, ImportText.INVALID_GEOMETRY.say(zh, e.getMessage() + where)));
    return false;
  }

  private int people(String text, String field, List<FieldError> row) {
    if (text == null) return 0;
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      row.add(new FieldError(field, ImportText.WHOLE_NUMBER.say(zh, text)));
      return 0;
    }
    if (n < 0) row.add(new FieldError(field, ImportText.NOT_NEGATIVE.say(zh)));
    else if (n > MAX_PEOPLE) row.add(new FieldError(field, ImportText.TOO_MANY.say(zh)));
    return n;
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
