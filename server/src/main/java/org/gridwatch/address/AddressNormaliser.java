package org.gridwatch.address;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the ways people write an address to one form before it is matched: full-width digits and letters become
 * ASCII (NFKC), 號 becomes 号, spaces, punctuation and 第 go, letters are lower case, 栋/幢/# after a number mean 号楼,
 * 之 and dashes between numbers become "-", and a Chinese numeral in front of 号, 号楼, 栋, 单元 or 座 becomes digits
 * (三号楼 → 3号楼, 一百二十八号 → 128号). Numerals elsewhere stay: 中山一路 is a road's name, not a number.
 * Stateless and thread-safe.
 */
final class AddressNormaliser {
  private static final Pattern NUMERAL_BEFORE_UNIT = Pattern.compile("([零〇一二两三四五六七八九十百千]+)(?=号|栋|幢|单元|座|楼)");
  private static final Pattern BUILDING_WORDS = Pattern.compile("(\\d+|[a-z])(?:栋|幢|#楼|#|号楼)");
  private static final Pattern DASH = Pattern.compile("(\\d)(?:之|-|—|–|−|~)(\\d)");
  private static final Pattern DROPPED = Pattern.compile("[\\s\\p{Z},，。、;；:：\"'“”‘’()（）\\[\\]【】第]+");

  private AddressNormaliser() {}

  static String normalise(String text) {
    if (text == null) return "";
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace('號', '号').replace('樓', '楼').replace('單', '单').replace('棟', '栋');
    s = DROPPED.matcher(s).replaceAll("");
    s = replaceAll(NUMERAL_BEFORE_UNIT, s, m -> Integer.toString(chineseNumber(m.group(1))));
    s = DASH.matcher(s).replaceAll("$1-$2");
    return BUILDING_WORDS.matcher(s).replaceAll("$1号楼");
  }

  /** A Chinese numeral up to 9999: 三 → 3, 十二 → 12, 一百二十八 → 128, 一二八 (read digit by digit) → 128. */
  static int chineseNumber(String n) {
    boolean positional = n.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
    if (!positional) {
      int v = 0;
      for (char c : n.toCharArray()) v = v * 10 + digit(c);
      return v;
    }
    int total = 0, current = 0;
    for (char c : n.toCharArray()) {
      int scale = switch (c) { case '十' -> 10; case '百' -> 100; case '千' -> 1000; default -> 0; };
      if (scale == 0) {
        current = digit(c);
      } else {
        total += (current == 0 ? 1 : current) * scale;
        current = 0;
      }
    }
    return total + current;
  }

  private static int digit(char c) {
    return switch (c) {
      case '一' -> 1; case '二', '两' -> 2; case '三' -> 3; case '四' -> 4; case '五' -> 5;
      case '六' -> 6; case '七' -> 7; case '八' -> 8; case '九' -> 9; default -> 0;
    };
  }

  private static String replaceAll(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
    m.appendTail(out);
    return out.toString();
  }
}
