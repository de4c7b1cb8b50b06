package org.gridwatch.organisation;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T-U
 * W-Y} (no I, O, Z, S, V), the 18th a check character computed from the first 17: each character's value (its
 * position in that alphabet, 0–30) times the weight 3^i mod 31 of its position, summed; the check value is
 * 31 − sum mod 31 (31 written as 0). Lower case is not accepted: the standard prints the code in capitals.
 */
final class CreditCode {
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  /** Why a code is not valid. */
  enum Fault { LENGTH, CHARACTER, CHECK }

  private CreditCode() {}

  /** Empty when {@code code} is a valid credit code, else what is wrong with it. */
  static Optional<Fault> fault(String code) {
    if (code == null || code.length() != 18) return Optional.of(Fault.LENGTH);
    for (int i = 0; i < 18; i++) if (ALPHABET.indexOf(code.charAt(i)) < 0) return Optional.of(Fault.CHARACTER);
    return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? Optional.empty() : Optional.of(Fault.CHECK);
  }

  /** The check character for the first 17 characters (all from the alphabet). */
  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }
}
