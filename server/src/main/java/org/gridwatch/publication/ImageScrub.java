package org.gridwatch.publication;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A public attachment's image re-encoded from its pixels, so that what a camera or an editor wrote into it (EXIF GPS:
 * often where someone lives; the camera's serial; the author) does not leave the server. Empty when the image cannot
 * be decoded or is larger than {@link #MAX_PIXELS} (a small file may claim a huge canvas).
 */
final class ImageScrub {
  static final long MAX_PIXELS = 40_000_000L;

  private ImageScrub() {}

  static Optional<byte[]> reencode(byte[] bytes, String formatName) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) return Optional.empty();
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true); // ignoring metadata: only the pixels are read
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) return Optional.empty();
        BufferedImage image = reader.read(0);
        if ("jpeg".equals(formatName) && image.getColorModel().hasAlpha()) return Optional.empty();
        return Optional.of(write(image, formatName));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] write(BufferedImage image, String formatName) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(formatName).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if ("jpeg".equals(formatName)) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
