package org.gridwatch.building;

/** Why a feature of a buildings import is refused, in English and Chinese (the reader's language decides). */
enum ImportText {
  UNKNOWN_KIND("kind must be building or compound", "kind 必须是 building 或 compound"),
  CODE_REQUIRED("a code is required", "缺少编码"),
  CODE_FORMAT("letters, digits, _ . : - only, 1–40 long", "只能包含字母、数字及 _ . : -，长 1–40 个字符"),
  CODE_TWICE("code %s appears twice in this file (first at features[%d])", "编码 %s 在文件中重复（首次出现在 features[%d]）"),
  NAME_TOO_LONG("at most 100 characters", "最多 100 个字符"),
  ADDRESS_TOO_LONG("at most 200 characters", "最多 200 个字符"),
  NAME_REQUIRED("a compound needs a name", "小区需要名称"),
  COMPOUND_TWICE("compound %s appears twice in this file (first at features[%d])", "小区 %s 在文件中重复（首次出现在 features[%d]）"),
  WHOLE_NUMBER("'%s' is not a whole number", "“%s”不是整数"),
  NOT_NEGATIVE("must be 0 or more", "不能为负数"),
  TOO_MANY("at most 100,000", "最多 100000"),
  BUILDING_GEOMETRY("must be a Point, Polygon or MultiPolygon", "必须是 Point、Polygon 或 MultiPolygon"),
  COMPOUND_GEOMETRY("a compound's outline must be a Polygon or MultiPolygon", "小区轮廓必须是 Polygon 或 MultiPolygon"),
  INVALID_GEOMETRY("invalid geometry: %s", "几何图形无效：%s"),
  OUTSIDE_GRIDS("(%s, %s) lies outside every grid", "（%s, %s）不在任何网格内");

  private final String en;
  private final String zh;

  ImportText(String en, String zh) {
    this.en = en;
    this.zh = zh;
  }

  String say(boolean chinese, Object... args) { return String.format(chinese ? zh : en, args); }
}
