package org.gridwatch.privacy;

/** How personal data is shown in lists and views: enough to tell people apart, not enough to use. */
public final class Masks {
  private Masks() {}

  /** {@code 110105199001011234} → {@code 1101**********1234}: the first four and last four characters. */
  public static String idNumber(String id) {
    if (id == null) return null;
    if (id.length() <= 8) return "*".repeat(id.length());
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  /** A mobile {@code 13812341234} → {@code 138****1234}; any other number keeps its last four digits only. */
  public static String phone(String phone) {
    if (phone == null) return null;
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() == 11 && digits.startsWith("1")) return digits.substring(0, 3) + "****" + digits.substring(7);
    if (digits.length() <= 4) return "*".repeat(digits.length());
    return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
  }
}
