package org.gridwatch.media;

/**
 * The EXIF orientation (tag 0x0112, 1 to 8) of a JPEG: how the camera was held, which the re-encoded public copy
 * must apply because it carries no EXIF any more. Reads the APP1 "Exif" segment's first IFD only; 1 (as stored)
 * when there is none or it cannot be read.
 */
final class ExifOrientation {
  private ExifOrientation() {}

  static int of(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      int marker = jpeg[at + 1] & 0xff;
      int length = u16(jpeg, at + 2, false);
      if (marker == 0xda || length < 2) break; // start of scan: no more metadata segments
      if (marker == 0xe1 && at + 10 <= jpeg.length && new String(jpeg, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
        return fromTiff(jpeg, at + 10, Math.min(jpeg.length, at + 2 + length));
      }
      at += 2 + length;
    }
    return 1;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) return 1;
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    long ifd = u32(b, tiff + 4, little);
    if (ifd < 8 || tiff + ifd + 2 > end) return 1;
    int entries = u16(b, (int) (tiff + ifd), little);
    for (int k = 0; k < entries; k++) {
      int entry = (int) (tiff + ifd + 2 + 12L * k);
      if (entry + 12 > end) return 1;
      if (u16(b, entry, little) == 0x0112) {
        int v = u16(b, entry + 8, little);
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int at, boolean little) {
    return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at, boolean little) {
    return little ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16) : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
  }
}
