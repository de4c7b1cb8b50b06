package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties of an area feature are all read-only: codes, parents and versions are the system's, figures are
 * derived from the outline and the buildings, and names change only through the area register. A replacing
 * {@code PUT} may send them back unchanged (as QGIS does with every attribute it read); a value that differs is
 * refused, one error per property, so that no client believes an edit was saved when it was not.
 */
final class ReadOnlyProperties {
  private ReadOnlyProperties() {}

  /** The refusals for {@code sent} (the Feature's {@code properties}, may be null) against the item as served. */
  static List<ProblemException.FieldError> changed(JsonNode sent, Map<String, Object> current, JsonMapper mapper) {
    List<ProblemException.FieldError> errors = new ArrayList<>();
    if (sent == null || sent.isNull() || sent.isMissingNode()) return errors;
    if (!sent.isObject()) {
      errors.add(new ProblemException.FieldError("properties", Text.of("ogcapi.must-object")));
      return errors;
    }
    for (Map.Entry<String, JsonNode> e : sent.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (!current.containsKey(name)) {
        if (!value.isNull()) errors.add(new ProblemException.FieldError("properties." + name, Text.of("ogcapi.not-property-this-collection")));
      } else if (!same(value, mapper.valueToTree(current.get(name)))) {
        errors.add(new ProblemException.FieldError("properties." + name,
            Text.of("ogcapi.read-only-send-unchanged-or")));
      }
    }
    return errors;
  }

  /** JSON equality where 12 and 12.0 are the same number, a null equals a missing value, date-times match to the ms. */
  private static boolean same(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull() || a.isMissingNode(), bNull = b == null || b.isNull() || b.isMissingNode();
    if (aNull || bNull) return aNull == bNull;
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) return false;
      for (Map.Entry<String, JsonNode> e : a.properties()) if (!same(e.getValue(), b.get(e.getKey()))) return false;
      return true;
    }
    if (a.isString() && b.isString()) return a.asString().equals(b.asString()) || sameInstant(a.asString(), b.asString());
    return a.equals(b);
  }

  /**
   * Date-times written back by a client at its own precision (QGIS keeps milliseconds: {@code …16.123Z} for
   * {@code …16.123456Z}) are the same value when they agree to the millisecond.
   */
  private static boolean sameInstant(String a, String b) {
    try {
      return java.time.OffsetDateTime.parse(a).toInstant().toEpochMilli() == java.time.OffsetDateTime.parse(b).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
