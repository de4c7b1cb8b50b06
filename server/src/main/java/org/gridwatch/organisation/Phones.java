package org.gridwatch.organisation;

/** Phone numbers as lists show them: the first three and last four digits, the middle starred (138****1234). */
final class Phones {
  private Phones() {}

  static String masked(String phone) {
    if (phone == null) return null;
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 8) return "****";
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }
}
