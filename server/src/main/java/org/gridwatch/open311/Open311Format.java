package org.gridwatch.open311;

import org.gridwatch.problem.Text;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoReport v2 bodies in both formats: JSON as the values are, XML with the element names of the
 * specification (a list becomes a root element holding one child element per item). Errors are the GeoReport
 * error list, {@code [{"code": 400, "description": "..."}]}, with the same HTTP status.
 */
final class Open311Format {
  enum Kind { JSON, XML }

  private Open311Format() {}

  static Kind of(String extension) {
    return switch (extension) {
      case "json" -> Kind.JSON;
      case "xml" -> Kind.XML;
      default -> throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-format", "Unknown format",
          Text.of("open311.georeport-formats-json-and-xml", extension), List.of());
    };
  }

  static ResponseEntity<String> body(HttpStatus status, Kind kind, JsonMapper json, String root, String item, Object value) {
    if (kind == Kind.JSON) {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(value));
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    element(sb, root, value, item);
    return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
        .body(sb.toString());
  }

  static ResponseEntity<String> error(HttpStatus status, Kind kind, JsonMapper json, String description) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("code", status.value());
    e.put("description", description);
    return body(status, kind, json, "errors", "error", List.of(e));
  }

  @SuppressWarnings("unchecked")
  private static void element(StringBuilder sb, String name, Object value, String itemName) {
    if (value == null) {
      sb.append('<').append(name).append("/>");
      return;
    }
    sb.append('<').append(name).append('>');
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) element(sb, String.valueOf(e.getKey()), e.getValue(), singular(String.valueOf(e.getKey())));
    } else if (value instanceof List<?> list) {
      for (Object o : list) element(sb, itemName, o, singular(itemName));
    } else {
      escape(sb, String.valueOf(value));
    }
    sb.append("</").append(name).append('>');
  }

  /**
   * Appends text as XML 1.0 character data: the five markup characters escaped, and characters XML 1.0 cannot
   * carry at all (control characters other than tab, line feed and carriage return, lone surrogates, U+FFFE and
   * U+FFFF) dropped, so that a resident's pasted control character never makes a whole list unparseable.
   */
  static void escape(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (allowedInXml(cp)) sb.appendCodePoint(cp);
        }
      }
    }
  }

  private static boolean allowedInXml(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** The element name of the items of a list element (endpoints → endpoint, formats → format, ...). */
  private static String singular(String plural) {
    if (plural.endsWith("ies")) return plural.substring(0, plural.length() - 3) + "y";
    if (plural.endsWith("s")) return plural.substring(0, plural.length() - 1);
    return plural + "_item";
  }
}
