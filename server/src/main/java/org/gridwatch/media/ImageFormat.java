package org.gridwatch.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats a case accepts, recognised by their first bytes, never by file name or declared type: JPEG
 * ({@code FF D8 FF}), PNG (its 8-byte signature), WebP ({@code RIFF....WEBP}) and HEIC/HEIF (an ISO-BMFF
 * {@code ftyp} box whose major or compatible brands name HEIF still images; AVIF, which shares the container, is not
 * accepted). {@code decodable}: whether this server can read the pixels, and so make a public copy and thumbnail.
 */
enum ImageFormat {
  JPEG("image/jpeg", true),
  PNG("image/png", true),
  WEBP("image/webp", true),
  HEIC("image/heic", false);

  private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  final String contentType;
  final boolean decodable;

  ImageFormat(String contentType, boolean decodable) {
    this.contentType = contentType;
    this.decodable = decodable;
  }

  static Optional<ImageFormat> of(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return Optional.of(JPEG);
    if (startsWith(b, PNG_SIGNATURE)) return Optional.of(PNG);
    if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) return Optional.of(WEBP);
    return heif(b) ? Optional.of(HEIC) : Optional.empty();
  }

  /** An ftyp box first: size (4), "ftyp", major brand (4), minor version (4), then compatible brands (4 each). */
  private static boolean heif(byte[] b) {
    if (b.length < 16 || !ascii(b, 4, 4).equals("ftyp")) return false;
    long size = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int end = (int) Math.min(b.length, Math.max(16, size));
    boolean heif = HEIF_BRANDS.contains(ascii(b, 8, 4));
    for (int at = 16; at + 4 <= end; at += 4) {
      String brand = ascii(b, at, 4);
      if (brand.equals("avif") || brand.equals("avis")) return false;
      heif |= HEIF_BRANDS.contains(brand);
    }
    return heif;
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) return false;
    for (int k = 0; k < prefix.length; k++) if (b[k] != prefix[k]) return false;
    return true;
  }

  private static String ascii(byte[] b, int from, int n) { return new String(b, from, n, StandardCharsets.ISO_8859_1); }
}
