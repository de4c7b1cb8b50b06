package org.gridwatch.redistrict;

import org.gridwatch.area.AreaLevel;

/**
 * An area an edit created, reshaped or retired, with a link: a current area's OGC API item, a retired one's
 * history (its outlines stay readable there).
 */
public record AreaRef(String code, String name, String href) {
  static AreaRef current(String code, String name) {
    String level = AreaLevel.ofCode(code).map(AreaLevel::plural).orElse("areas");
    return new AreaRef(code, name, "/ogcapi/collections/" + level + "/items/" + code);
  }

  static AreaRef retired(String code, String name) { return new AreaRef(code, name, "/api/v1/areas/" + code + "/history"); }
}
