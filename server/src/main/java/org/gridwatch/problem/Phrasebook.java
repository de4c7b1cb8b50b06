package org.gridwatch.problem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese for the English reasons of code that cannot name {@link Text} keys: the spatial kernel ({@code geo}
 * imports nothing of ours, so its GeoJSON and feature-file readers word their refusals in English) and Bean
 * Validation messages given as plain English. Each phrase is a whole-text pattern and its Chinese, with {@code $1},
 * {@code $2} for what the pattern captured (names, numbers: kept as they are). A text that matches no phrase is
 * shown as given. New code names a key instead ({@link Text#of}); this list only shrinks.
 */
final class Phrasebook {
  private record Phrase(Pattern english, String chinese) {}

  private static final List<Phrase> PHRASES = List.of(
      phrase("is required", "为必填项"),
      phrase("must be an array", "须为数组"),
      phrase("must be a GeoJSON geometry object", "须为 GeoJSON 几何对象"),
      phrase("unknown geometry type '(.*)'", "未知的几何类型“$1”"),
      phrase("a polygon needs at least an exterior ring", "多边形至少需要一个外环"),
      phrase("a linear ring must end where it starts", "线环须首尾闭合"),
      phrase("needs at least (\\d+) positions", "至少需要 $1 个坐标点"),
      phrase("a position is \\[longitude, latitude\\]", "坐标点为 [经度, 纬度]"),
      phrase("a position is \\[x, y\\]", "坐标点为 [x, y]"),
      phrase("(longitude|latitude|x|y) must be a number", "$1须为数字"),
      phrase("(longitude|latitude|x|y) must be finite", "$1须为有限值"),
      phrase("(longitude|latitude|x|y) (\\S+) is outside \\[(.*)\\]", "$1 $2 超出 [$3]"),
      phrase("must be Feature", "须为 Feature"),
      phrase("send a GeoJSON FeatureCollection", "请发送 GeoJSON FeatureCollection"),
      phrase("send a GeoJSON FeatureCollection of Polygon or MultiPolygon features",
          "请发送由 Polygon 或 MultiPolygon 要素组成的 GeoJSON FeatureCollection"),
      phrase("'(.*)' \\((.*)\\) is not accepted; use (.*)", "不接受“$1”（$2）；请使用 $3"),
      phrase("'(.*)' is not accepted; use (.*)", "不接受“$1”；请使用 $2"),
      phrase("(EPSG:\\S+) is not accepted; use (.*)", "不接受 $1；请使用 $2"),
      phrase("the coordinate system (.*) is not accepted; use (.*)", "不接受坐标系 $1；请使用 $2"),
      phrase("the layer has no spatial reference system; use (.*)", "图层没有空间参考系；请使用 $1"),
      phrase("malformed JSON: (.*)", "JSON 格式错误：$1"),
      phrase("not a readable GeoPackage \\(damaged, truncated or another kind of file\\)",
          "不是可读取的 GeoPackage（已损坏、不完整或是其他类型的文件）"),
      phrase("not a readable zip \\(damaged or truncated\\)", "不是可读取的 zip（已损坏或不完整）"),
      phrase("not a zip, or an empty one", "不是 zip，或 zip 为空"),
      phrase("the zip holds no \\.shp file", "zip 中没有 .shp 文件"),
      phrase("neither GeoJSON, a GeoPackage nor a zipped Shapefile", "既不是 GeoJSON、GeoPackage，也不是压缩的 Shapefile"),
      phrase("the GeoPackage has no feature table", "该 GeoPackage 没有要素表"),
      phrase("Content-Type (\\S+) is not read here; send (.*)", "此处不读取 Content-Type $1；请发送 $2"),
      // Bean Validation messages of the request records
      phrase("at most (\\S+) characters", "最多 $1 个字符"),
      phrase("(\\d+) to (\\d+) characters", "$1 到 $2 个字符"),
      phrase("must be at least (\\S+)", "须至少为 $1"),
      phrase("must be a whole number", "须为整数"),
      phrase("must be between (\\S+) and (\\S+)", "须在 $1 到 $2 之间"),
      phrase("must be at most a year in its unit", "按其单位最多一年"),
      phrase("is required: \\{amount, unit\\}", "为必填项：{amount, unit}"),
      phrase("is required: (.*)", "为必填项：$1"),
      phrase("one of (.*)", "须为 $1 之一"),
      phrase("a time HH:MM", "须为 HH:MM 时间"),
      phrase("days like MON-FRI or SAT,SUN", "days 形如 MON-FRI 或 SAT,SUN"),
      phrase("3 to 40 lower-case letters, digits, '\\.', '_' or '-'", "3 到 40 个小写字母、数字、“.”、“_”或“-”"),
      phrase("letters, digits and - only, 2–20 long", "只能用字母、数字和 -，长 2–20"),
      phrase("must be an http or https URL of at most 300 characters", "须为不超过 300 个字符的 http 或 https 网址"),
      phrase("must be a roster person's code, 1 to 20 characters", "须为名册人员编码，1 到 20 个字符"),
      phrase("must be a grid, community, subdistrict or department code, 1 to 20 characters", "须为网格、社区、街道或部门编码，1 到 20 个字符"),
      phrase("must be a phone number", "须为电话号码"),
      phrase("must be between (\\S+) and (\\S+) working hours", "须为 $1 到 $2 个工作小时"),
      phrase("is longer than (\\S+) characters", "超过 $1 个字符"),
      phrase("is not a follow token", "不是跟踪凭证"),
      phrase("between (\\d+) and (\\d+) sites", "须为 $1 到 $2 个地点"),
      phrase("at most (\\S+) (draft routes|draft cameras|URLs|obstacles per import)", "最多 $1 个（$2）"),
      phrase("(\\S+) to (\\S+) (fixes per batch|cameras per import)", "$1 到 $2 个（$3）"),
      phrase("the edit's body, as its endpoint takes it", "编辑内容，按其接口的格式"),
      phrase("the area to edit", "要编辑的区域"),
      phrase("an array of GeoJSON features", "须为 GeoJSON 要素数组"),
      phrase("a window \\{days, start, end, passes\\}", "一个时段 {days, start, end, passes}"),
      phrase("a route code, at most 20 characters", "路线编码，最多 20 个字符"),
      phrase("a name of 1 to 200 characters", "名称须为 1 到 200 个字符"),
      phrase("a grid code, at most 40 characters", "网格编码，最多 40 个字符"),
      phrase("a GeoJSON FeatureCollection is expected", "须为 GeoJSON FeatureCollection"),
      phrase("must not be null", "不能为空"),
      phrase("must not be blank", "不能为空白"));

  private Phrasebook() {}

  private static Phrase phrase(String english, String chinese) { return new Phrase(Pattern.compile(english), chinese); }

  /** {@code english} in Chinese when a phrase matches all of it, else {@code null}. */
  static String chinese(String english) {
    if (english == null) return null;
    for (Phrase p : PHRASES) {
      Matcher m = p.english().matcher(english);
      if (m.matches()) return m.replaceFirst(Matcher.quoteReplacement(p.chinese()).replace("\\$", "$"));
    }
    return null;
  }
}
