package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An edit as a planner asks for it — a kind ({@code reshape}, {@code split}, {@code merge}, {@code buildings}, or
 * {@code children}: a new tiling of an area's children, such as an auto-balance proposal), the
 * area it is about and the request body — read once and then previewed or committed. The HTTP endpoints and
 * saved drafts both go through here, so a draft commits exactly what its preview showed.
 */
@Component
class EditRequests {
  static final List<String> KINDS = List.of("reshape", "split", "merge", "buildings", "children");

  private final EditPreview preview;
  private final EditCommit commit;
  private final EditSupport edits;
  private final Retile retile;

  EditRequests(EditPreview preview, EditCommit commit, EditSupport edits, Retile retile) {
    this.preview = preview;
    this.commit = commit;
    this.edits = edits;
    this.retile = retile;
  }

  EditPreview.Preview preview(String kind, String code, JsonNode body) {
    return switch (known(kind)) {
      case "reshape" -> preview.reshape(code, outline(body));
      case "split" -> preview.split(code, cut(body));
      case "merge" -> preview.merge(strings(body, "codes"));
      case "children" -> preview.of(retile.edit(code, pieces(body)));
      default -> preview.reshape(code, movedInto(code, body));
    };
  }

  EditCommit.Committed commit(String kind, String code, JsonNode body, String ifMatch, EditCommit.Actor actor) {
    return switch (known(kind)) {
      case "reshape" -> commit.reshape(code, outline(body), ifMatch, actor);
      case "split" -> commit.split(code, cut(body), ifMatch, actor);
      case "merge" -> commit.merge(strings(body, "codes"), actor);
      case "children" -> retile.apply(code, pieces(body), actor).committed();
      default -> commit.reshape(code, movedInto(code, body), ifMatch, actor);
    };
  }

  /**
   * Whether the planner confirmed the edit's warnings: {@code "confirm": true} in the body (beside the GeoJSON or
   * the edit's members) or {@code ?confirm=true}. Anything else but a boolean there is a 400 naming {@code confirm}.
   */
  static boolean confirmed(JsonNode body, Boolean param) {
    JsonNode c = body == null || !body.isObject() ? null : body.get("confirm");
    if (c != null && !c.isNull() && !c.isBoolean()) throw ProblemException.badInput("confirm", Text.of("edit.confirm-boolean"));
    return Boolean.TRUE.equals(param) || (c != null && c.asBoolean(false));
  }

  /** A FeatureCollection of an area's new children. */
  static List<Retile.Piece> pieces(JsonNode body) { return GeoJsonLayer.read(body).stream().map(AreaFeature::piece).toList(); }

  /** The area a request is about: the path's code, or for a merge the first code named. */
  static String subject(String kind, String code, JsonNode body) {
    return "merge".equals(kind) ? strings(body, "codes").get(0) : code;
  }

  private static String known(String kind) {
    if (!KINDS.contains(kind)) throw ProblemException.badInput("kind", Text.of("redistrict.one-x", KINDS));
    return kind;
  }

  private Geometry movedInto(String code, JsonNode body) {
    return BuildingMove.outline(edits.catalog.now(), edits.area(code), strings(body, "buildings"));
  }

  static List<String> strings(JsonNode body, String field) {
    JsonNode array = body == null ? null : body.get(field);
    if (array == null || !array.isArray() || array.isEmpty()) throw ProblemException.badInput(field, Text.of("redistrict.non-empty-array-codes"));
    if (array.size() > 1000) throw ProblemException.badInput(field, Text.of("redistrict.at-most-1000-codes"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode c = array.get(i);
      if (!c.isString() || c.asString().isBlank() || c.asString().length() > 40) {
        throw ProblemException.badInput(field + "[" + i + "]", Text.of("redistrict.must-code-string-1-40"));
      }
      out.add(c.asString());
    }
    return out;
  }

  static Split.Cut cut(JsonNode body) {
    if (body != null && body.has("line")) return new Split.Cut(read(body.get("line"), "line"), null);
    JsonNode pieces = body == null ? null : body.get("pieces");
    if (pieces == null || !pieces.isArray()) throw ProblemException.badInput("line", Text.of("redistrict.give-line-or-two-polygons"));
    List<Geometry> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) out.add(read(pieces.get(i), "pieces[" + i + "]"));
    return new Split.Cut(null, out);
  }

  static Geometry outline(JsonNode body) {
    JsonNode geometry = body != null && "Feature".equals(body.path("type").asString(null)) ? body.get("geometry") : body;
    return read(geometry, "geometry");
  }

  private static Geometry read(JsonNode node, String field) {
    try {
      return GeoJson.read(node, field);
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
  }
}
