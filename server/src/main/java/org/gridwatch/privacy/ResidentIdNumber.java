package org.gridwatch.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The citizen identity number of GB 11643-1999 (公民身份号码): 6 digits of the address code, 8 of the birth date
 * (yyyyMMdd), 3 of the sequence and a check character computed by ISO 7064 MOD 11-2 over the first 17 (10 is
 * written X). {@link #problem} tells what is wrong with a candidate, or nothing when it is valid; the address code is
 * not looked up (codes change with redistricting), only its first digit (1–9, a province) is checked.
 */
public final class ResidentIdNumber {
  /** What is wrong with a number, for the reader's text. */
  public enum Problem { FORMAT, BIRTH_DATE, CHECK_DIGIT }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentIdNumber() {}

  /** The number as stored: trimmed, a lower-case x made upper-case. */
  public static String normalise(String raw) { return raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT); }

  /** What is wrong with the (normalised) number, if anything; {@code today} bounds the birth date. */
  public static Optional<Problem> problem(String id, LocalDate today) {
    if (id == null || !id.matches("[1-9][0-9]{16}[0-9X]")) return Optional.of(Problem.FORMAT);
    LocalDate born;
    try {
      born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (born.getYear() < 1850 || born.isAfter(today)) return Optional.of(Problem.BIRTH_DATE);
    if (id.charAt(17) != checkCharacter(id.substring(0, 17))) return Optional.of(Problem.CHECK_DIGIT);
    return Optional.empty();
  }

  /** The check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    return CHECK.charAt(sum % 11);
  }
}
