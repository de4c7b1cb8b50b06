package org.gridwatch.address;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a normalised address after its place name: number (门牌号, with an optional sub-number, "128-3"),
 * building (楼号) and unit (单元), each null when not given. "128-3" without a building reads as number 128,
 * building 3 (how 12345 agents shorten 128号3号楼) unless the road has a number "128-3" itself.
 */
record AddressQuery(String number, String subNumber, String building, Integer unit) {
  private static final Pattern BUILDING = Pattern.compile("(\\d{1,4}|[a-z])号楼");
  private static final Pattern UNIT = Pattern.compile("(\\d{1,3})单元");
  private static final Pattern NUMBER = Pattern.compile("^(\\d{1,5}[甲乙丙丁]?)(?:-(\\d{1,4}))?号?院?");

  static AddressQuery parse(String rest) {
    String building = null, number = null, sub = null;
    Integer unit = null;
    Matcher u = UNIT.matcher(rest);
    if (u.find()) {
      unit = Integer.parseInt(u.group(1));
      rest = rest.substring(0, u.start()) + rest.substring(u.end());
    }
    Matcher b = BUILDING.matcher(rest);
    if (b.find()) {
      building = b.group(1).toUpperCase(java.util.Locale.ROOT);
      rest = rest.substring(0, b.start()) + rest.substring(b.end());
    }
    Matcher n = NUMBER.matcher(rest);
    if (n.find()) {
      number = n.group(1);
      sub = n.group(2);
    }
    return new AddressQuery(number, sub, building, unit);
  }

  boolean isEmpty() { return number == null && building == null; }

  /** The leading digits of a number ("128甲" → 128), for ordering neighbours by how far their number is. */
  static int numeric(String number) {
    int end = 0;
    while (end < number.length() && Character.isDigit(number.charAt(end))) end++;
    return end == 0 ? Integer.MAX_VALUE / 2 : Integer.parseInt(number.substring(0, Math.min(end, 9)));
  }
}
