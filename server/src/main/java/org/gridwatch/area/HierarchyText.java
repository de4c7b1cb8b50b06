package org.gridwatch.area;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a hierarchy import says about a broken rule, in English and Chinese (the reader's language decides). Arguments
 * that are an {@link AreaLevel} are written as the level's name ("grid", 网格), a {@link Plural} as its plural.
 */
enum HierarchyText {
  DUPLICATE("%s: the code is also features[%d]'s", "%s：编码与 features[%d] 重复"),
  CODE_LENGTH("%s: a %s code has %d digits", "%s：%s编码应为 %d 位数字"),
  DISTRICT_CODE("%s: not a GB/T 2260 county-level code (province digits 11-82, not ending in 00)",
      "%s：不是 GB/T 2260 县级行政区划代码（前两位为省级代码 11–82，末两位不为 00）"),
  SECOND_DISTRICT("%s: a file holds one district; features[%d] is one already", "%s：一个文件只能有一个区，features[%d] 已是区"),
  OUTLINE_TYPE("%s: the outline is a %s; areas are polygons or multipolygons", "%s：边界是 %s，区域边界须为多边形"),
  OUTLINE_EMPTY("%s: the outline is empty", "%s：边界为空"),
  OUTLINE_INVALID("%s: the outline is not a valid polygon: %s at [%.6f, %.6f]", "%s：边界不是有效的多边形（%s），位置 [%.6f, %.6f]"),
  NO_DISTRICT("no feature has level district: the file must hold the district itself", "没有层级为区（district）的要素：文件须包含区本身"),
  PARENT_MISSING("%s: its parent %s is not in the file", "%s：上级 %s 不在文件中"),
  PARENT_LEVEL("%s: its parent %s is a %s, not a %s", "%s：上级 %s 是%s，而不是%s"),
  PARENT_PREFIX("%s: the code does not start with its parent's code %s", "%s：编码不以上级编码 %s 开头"),
  NO_CHILDREN("%s: has no %s; every %s is divided into %s", "%s：没有下级%s，每个%s都须划分为若干%s"),
  OVERLAP("%s: %s and %s overlap by %.1f m² within %s", "%s：%s 与 %s 重叠 %.1f 平方米，范围 %s"),
  GAP("%s: %.1f m² is covered by none of its children, within %s", "%s：有 %.1f 平方米不属于任何下级区域，范围 %s"),
  OUTSIDE("%s: %s reach %.1f m² outside it, within %s", "%s：%s 超出其边界 %.1f 平方米，范围 %s"),
  SLIVERS("%s: %s by %.1f m² in slivers, each under the tolerance", "%s：%s，共 %.1f 平方米的细碎缝隙或重叠"),
  CODE_REQUIRED("is required: the area's code (GB/T 2260 district code, then 3 digits a level)",
      "为必填项：区域编码（GB/T 2260 区县代码，其后每级 3 位数字）"),
  LEVEL_BAD("%s%s: district, subdistrict, community or grid (区, 街道, 社区, 网格)",
      "%s%s：须为 district、subdistrict、community 或 grid（区、街道、社区、网格）"),
  LEVEL_MISSING("is required", "为必填项"),
  LEVEL_UNKNOWN("'%s' is not a level", "“%s”不是层级"),
  NAME_REQUIRED("%sis required", "%s为必填项"),
  TOO_LONG("%sis longer than 100 characters", "%s超过 100 个字符"),
  PARTIAL("a hierarchy is stored whole or not at all: a parent stored without one of its children would have a gap where it "
      + "lies; fix the refused features and send the file again",
      "区划只能整体导入：缺少某个下级的上级区域会留下空白；请修正被拒绝的要素后重新提交整个文件"),
  NO_FEATURES("the file has no features", "文件中没有要素"),
  REFUSED("%d of %d features refused; nothing was stored", "%2$d 个要素中有 %1$d 个被拒绝，未保存任何内容"),
  REFUSED_DRY_RUN("%d of %d features refused; nothing would be stored", "%2$d 个要素中有 %1$d 个被拒绝（试运行，未保存）"),
  EXISTS_TITLE("The hierarchy exists", "区划已存在"),
  EXISTS("the system already holds %d areas; a hierarchy is imported into an empty system only (boundaries change "
      + "through redrawing: /api/v1/levels/{level}/import)",
      "系统中已有 %d 个区域；区划只能导入空系统（边界调整请用 /api/v1/levels/{level}/import）"),
  NOT_EMPTY("the hierarchy is not empty", "区划不为空");

  /** A level's name in the plural ("grids"; in Chinese the same as the singular). */
  record Plural(AreaLevel level) {}

  private final String en;
  private final String zh;

  HierarchyText(String en, String zh) {
    this.en = en;
    this.zh = zh;
  }

  String format(boolean chinese, Object... args) {
    Object[] shown = Arrays.stream(args).map(a -> a instanceof AreaLevel l ? name(l, chinese)
        : a instanceof Plural p ? (chinese ? name(p.level(), true) : p.level().plural()) : a).toArray();
    return String.format(Locale.ROOT, chinese ? zh : en, shown);
  }

  private static String name(AreaLevel level, boolean chinese) {
    if (!chinese) return level.name().toLowerCase(Locale.ROOT);
    return switch (level) {
      case DISTRICT -> "区";
      case SUBDISTRICT -> "街道";
      case COMMUNITY -> "社区";
      case GRID -> "网格";
    };
  }
}
