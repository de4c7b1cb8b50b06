package org.gridwatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Pictures for the media tests, made here: a picture with a red top-left corner on blue (so that turning and
 * mirroring can be seen), as PNG or JPEG, and a JPEG carrying an EXIF block written by hand with an orientation and a
 * GPS position, as a phone writes one.
 */
final class TestImages {
  /** The latitude written into the GPS block: 36° 4′ N (as three rationals). */
  static final byte[] GPS_MARK = "N\0\0\0".getBytes(StandardCharsets.US_ASCII);

  private TestImages() {}

  static BufferedImage redCorner(int w, int h, boolean alpha) {
    BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(20, 40, 200, alpha ? 128 : 255));
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(220, 20, 20));
    g.fillRect(0, 0, w / 3, h / 3);
    g.dispose();
    return img;
  }

  static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) throw new IllegalStateException("not a picture ImageIO reads");
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG of the picture with an APP1 EXIF segment after SOI: orientation {@code orientation} and a GPS IFD. */
  static byte[] jpegWithExif(BufferedImage img, int orientation) {
    byte[] plain = encode(img, "jpeg");
    byte[] tiff = tiff(orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    out.write(0xff);
    out.write(0xe1);
    int length = 2 + 6 + tiff.length;
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** Big-endian TIFF: IFD0 {Orientation, GPS IFD pointer}, GPS IFD {LatitudeRef N, Latitude 36/1 4/1 0/1}. */
  private static byte[] tiff(int orientation) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    int gpsIfd = 8 + 2 + 2 * 12 + 4;
    b.putShort((short) 2);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    b.putInt(0);
    int rationals = gpsIfd + 2 + 2 * 12 + 4;
    b.putShort((short) 2);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(GPS_MARK);
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(rationals);
    b.putInt(0);
    b.putInt(36).putInt(1).putInt(4).putInt(1).putInt(0).putInt(1);
    return b.array();
  }

  /** The markers of a JPEG's segments before its image data (0xE1 = APP1, where EXIF and XMP live). */
  static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      int marker = jpeg[at + 1] & 0xff;
      out.add(marker);
      if (marker == 0xda) break;
      at += 2 + (((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff));
    }
    return out;
  }

  static byte[] resource(String name) {
    try (var in = TestImages.class.getResourceAsStream("/media/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
