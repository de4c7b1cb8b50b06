package org.gridwatch.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * The copies of a photo that leave the server: a public copy and a thumbnail, both re-encoded from the decoded
 * pixels, so no metadata of the upload (EXIF with its GPS position, XMP, comments) survives; the EXIF orientation
 * is applied to the pixels first. JPEG and WebP become JPEG, PNG stays PNG (transparency, screenshots); the
 * thumbnail is always JPEG. The image's size is read before its pixels and a picture of more than
 * {@code maxPixels} is refused, so a small file that decodes to gigabytes cannot exhaust memory; large photos are
 * decoded subsampled, near the public copy's size. Stateless and thread-safe.
 */
final class Renditions {
  /** What was made: the photo's size as shown, and the two copies. */
  record Made(int width, int height, byte[] publicCopy, String publicType, byte[] thumbnail) {}

  /** The upload is not a picture this server can read, or too large a one; {@code reason} says which. */
  static final class Unreadable extends Exception {
    final boolean tooManyPixels;

    Unreadable(String reason, boolean tooManyPixels) {
      super(reason);
      this.tooManyPixels = tooManyPixels;
    }
  }

  static {
    ImageIO.setUseCache(false); // decode in memory: no temporary files left behind by a failed upload
    ImageIO.scanForPlugins(); // the WebP reader, when the server runs from its packaged jar
  }

  private final int publicMaxPx;
  private final int thumbnailPx;
  private final long maxPixels;

  Renditions(int publicMaxPx, int thumbnailPx, long maxPixels) {
    this.publicMaxPx = publicMaxPx;
    this.thumbnailPx = thumbnailPx;
    this.maxPixels = maxPixels;
  }

  Made make(byte[] upload, ImageFormat format) throws Unreadable {
    Decoded decoded = decode(upload);
    int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(upload) : 1;
    BufferedImage shown = orient(decoded.image(), orientation);
    boolean turned = orientation >= 5; // 5 to 8 turn the picture by a quarter
    boolean png = format == ImageFormat.PNG;
    byte[] publicCopy = png ? png(scaled(shown, publicMaxPx, true)) : jpeg(scaled(shown, publicMaxPx, false), 0.85f);
    return new Made(turned ? decoded.height() : decoded.width(), turned ? decoded.width() : decoded.height(), publicCopy,
        png ? "image/png" : "image/jpeg", jpeg(scaled(shown, thumbnailPx, false), 0.8f));
  }

  private record Decoded(BufferedImage image, int width, int height) {}

  private Decoded decode(byte[] upload) throws Unreadable {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) throw new Unreadable("no reader for this image", false);
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0), h = reader.getHeight(0);
        if (w <= 0 || h <= 0) throw new Unreadable("the image has no size", false);
        if ((long) w * h > maxPixels) {
          throw new Unreadable(w + " × " + h + " pixels is more than the " + maxPixels + " allowed", true);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(w, h) / publicMaxPx);
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        return new Decoded(reader.read(0, param), w, h);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // A damaged or truncated file: readers throw IIOException or, on some broken streams, runtime exceptions.
      throw new Unreadable("the image cannot be read (" + e.getClass().getSimpleName() + ")", false);
    }
  }

  /** The pixels as the camera was held: EXIF orientations 2 to 8 mirror and/or turn the stored picture. */
  static BufferedImage orient(BufferedImage in, int orientation) {
    if (orientation <= 1 || orientation > 8) return in;
    int w = in.getWidth(), h = in.getHeight();
    boolean turned = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
      case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
      case 4 -> { t.translate(0, h); t.scale(1, -1); }
      case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
      case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
      case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
      default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
    }
    BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, in.getColorModel().hasAlpha()
        ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(in, t, null);
    g.dispose();
    return out;
  }

  /** At most {@code maxPx} on the long side (never enlarged), halving first so that a big reduction stays smooth. */
  private static BufferedImage scaled(BufferedImage in, int maxPx, boolean keepAlpha) {
    double factor = Math.min(1.0, (double) maxPx / Math.max(in.getWidth(), in.getHeight()));
    int tw = Math.max(1, (int) Math.round(in.getWidth() * factor)), th = Math.max(1, (int) Math.round(in.getHeight() * factor));
    BufferedImage current = in;
    while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2, keepAlpha);
    }
    return draw(current, tw, th, keepAlpha);
  }

  /** A copy at the size given, RGB on white (JPEG has no transparency) or ARGB. */
  private static BufferedImage draw(BufferedImage in, int w, int h, boolean keepAlpha) {
    BufferedImage out = new BufferedImage(w, h, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    if (!keepAlpha) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
    }
    g.drawImage(in, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** JPEG with no metadata of the source: the writer is given pixels only (it writes a bare JFIF header). */
  private static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
