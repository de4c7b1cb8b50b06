package org.gridwatch.data;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Names for the generated areas. Community names are synthetic: real ones are not in open data. */
final class Names {
  static final Map<String, String> SUBDISTRICT_EN = Map.ofEntries(
      Map.entry("370203005", "Liaoning Road"), Map.entry("370203008", "Yan'an Road"),
      Map.entry("370203011", "Dengzhou Road"), Map.entry("370203013", "Ningxia Road"),
      Map.entry("370203014", "Dunhua Road"), Map.entry("370203015", "Liaoyuan Road"),
      Map.entry("370203016", "Hefei Road"), Map.entry("370203019", "Dagang"),
      Map.entry("370203020", "Jimo Road"), Map.entry("370203021", "Taidong"),
      Map.entry("370203022", "Zhenjiang Road"), Map.entry("370203025", "Fushan New Area"),
      Map.entry("370203026", "Fuxin Road"), Map.entry("370203027", "Hailun Road"),
      Map.entry("370203028", "Sifang"), Map.entry("370203029", "Xinglong Road"),
      Map.entry("370203030", "Shuiqinggou"), Map.entry("370203031", "Luoyang Road"),
      Map.entry("370203032", "Hexi"), Map.entry("370203033", "Hudao"),
      Map.entry("370203034", "Kaiping Road"), Map.entry("370203035", "Shuangshan"));

  private static final String[] STEMS = {
      "华阳", "长春", "抚顺", "延吉", "鞍山", "吉林", "热河", "威海", "商河", "萍乡", "人民", "重庆", "嘉定", "南京",
      "福州", "错埠岭", "劲松", "黑龙江", "山东", "杭州", "上清", "同安", "新疆", "内蒙古", "利津", "桑梓", "东仲",
      "小村庄", "海岸", "港华", "新华", "和兴", "瑞昌", "乐平", "长山", "馆陶", "德平", "冠县", "临清", "陵县",
      "惠民", "沾化", "博兴", "滨州", "无棣", "乐陵", "宁阳", "泰山", "东平", "汶上", "金乡", "巨野", "曲阜",
      "邹县", "滕县", "峄县", "沂水", "莒县", "日照", "诸城", "高密", "胶州", "平度", "莱阳", "海阳", "栖霞",
      "福山", "蓬莱", "黄县", "招远", "文登", "荣成", "乳山", "牟平", "宁海", "清平", "夏津", "武城", "恩县",
      "丹东", "营口", "辽阳", "本溪", "铁岭", "开原", "昌图", "四平", "通化", "敦化", "珲春", "图们", "牡丹江",
      "佳木斯", "双鸭山", "鹤岗", "伊春", "绥化", "海拉尔", "满洲里", "包头", "集宁", "呼伦", "赤峰", "承德",
      "张家口", "保定", "沧州", "邢台", "邯郸", "唐山", "秦皇岛", "大同", "太原", "阳泉", "长治", "晋城", "临汾",
      "运城", "洛阳", "开封", "许昌", "漯河", "信阳", "南阳", "商丘", "周口", "驻马店", "濮阳", "安阳", "鹤壁",
      "新乡", "焦作", "济源", "三门峡", "平顶山", "宝鸡", "咸阳", "渭南", "延安", "榆林", "汉中", "安康", "商洛",
      "天水", "平凉", "庆阳", "定西", "陇南", "武威", "张掖", "酒泉", "嘉峪关", "金昌", "白银", "兰州", "西宁"};

  private final Set<String> used = new HashSet<>();
  private int next;

  Names(Rng rng) {
    next = rng.integer(0, STEMS.length - 1);
  }

  /** A district-unique synthetic community name such as 长春路社区. */
  String community() {
    for (int tries = 0; tries < STEMS.length * 3; tries++) {
      String stem = STEMS[next++ % STEMS.length];
      String suffix = switch (tries / STEMS.length) { case 0 -> "路"; case 1 -> "东路"; default -> "西路"; };
      String name = stem + suffix + "社区";
      if (used.add(name)) return name;
    }
    throw new IllegalStateException("ran out of community names");
  }
}
