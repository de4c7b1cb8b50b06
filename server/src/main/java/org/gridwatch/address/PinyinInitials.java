package org.gridwatch.address;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a name, as people type them on a phone: 和平路 → "hpl". Each character gives the first
 * letter of its first reading (pinyin4j's table); ASCII letters and digits stay as they are; anything else is
 * dropped. A polyphonic character is read by its commonest reading, which is right for place names nearly always.
 */
final class PinyinInitials {
  /** pinyin4j looks each character up in a properties table by its hex code: slow enough to be worth keeping. */
  private static final java.util.Map<Character, Character> INITIALS = new java.util.concurrent.ConcurrentHashMap<>();

  private PinyinInitials() {}

  private static char initial(char c) {
    String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
    return readings != null && readings.length > 0 && !readings[0].isEmpty() ? readings[0].charAt(0) : 0;
  }

  static String of(String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c < 128) {
        if (Character.isLetterOrDigit(c)) s.append(Character.toLowerCase(c));
        continue;
      }
      char initial = INITIALS.computeIfAbsent(c, PinyinInitials::initial);
      if (initial != 0) s.append(initial);
    }
    return s.toString();
  }
}
