package org.gridwatch.incident;

import java.util.regex.Pattern;

/**
 * What anyone may learn of a case without its follow token or a staff role: category, status, grid and a place
 * rounded to about 100 m (three decimals of a degree: 111 m north–south, 90 m east–west at 36° N). The reporter's
 * words (description, address) only when they chose to publish them, and then with phone and ID numbers masked.
 */
public final class Disclosure {
  /** Decimal places kept of a public coordinate. */
  public static final int PUBLIC_DECIMALS = 3;
  /** 18-digit resident identity numbers (the last may be X). */
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})\\d{10}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
  /** Mobile numbers, optionally with +86, and any other run of 7 or more digits (landlines, bank cards). */
  private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\d)(\\+?86[- ]?)?(\\d{3})[\\d -]{3,}(\\d{2})(?!\\d)");

  private Disclosure() {}

  /** A coordinate rounded to the public precision. */
  public static double rounded(double degrees) {
    double f = Math.pow(10, PUBLIC_DECIMALS);
    return Math.round(degrees * f) / f;
  }

  /** The description anyone may read: the reporter's words, masked, if they chose to publish them; else null. */
  public static String publicDescription(Incident i) { return i.isPublicText() ? mask(i.getDescription()) : null; }

  /** The address anyone may read, under the same rule as the description. */
  public static String publicAddress(Incident i) { return i.isPublicText() ? mask(i.getAddress()) : null; }

  /** Phone, identity and other long numbers replaced by their first and last digits around asterisks. */
  public static String mask(String text) {
    if (text == null) return null;
    String s = ID_NUMBER.matcher(text).replaceAll("$1**********$2");
    var m = LONG_NUMBER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      if (digits.length() < 7) {
        m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, m.group(2) + "*".repeat(Math.max(4, digits.length() - 5 - (m.group(1) == null ? 0 : 2))) + m.group(3));
      }
    }
    m.appendTail(out);
    return out.toString();
  }
}
