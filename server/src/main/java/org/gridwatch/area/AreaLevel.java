package org.gridwatch.area;

/** The levels of the hierarchy, top down, with the length of their codes (DB11 scheme). */
public enum AreaLevel {
  DISTRICT(6), SUBDISTRICT(9), COMMUNITY(12), GRID(15);

  private final int codeLength;

  AreaLevel(int codeLength) { this.codeLength = codeLength; }

  public int codeLength() { return codeLength; }

  /** The level a code of this length names; empty for any other length or a non-digit code. */
  public static java.util.Optional<AreaLevel> ofCode(String code) {
    if (code == null || !code.chars().allMatch(Character::isDigit)) return java.util.Optional.empty();
    for (AreaLevel l : values()) if (l.codeLength == code.length()) return java.util.Optional.of(l);
    return java.util.Optional.empty();
  }

  public AreaLevel child() {
    if (this == GRID) throw new IllegalStateException("a grid has no child level");
    return values()[ordinal() + 1];
  }

  public String plural() {
    return switch (this) {
      case DISTRICT -> "districts";
      case SUBDISTRICT -> "subdistricts";
      case COMMUNITY -> "communities";
      case GRID -> "grids";
    };
  }
}
