package org.gridwatch.media;

import org.springframework.stereotype.Component;

/**
 * A photo meant for everyone (a service point's, say), under the same rules as a case's: size and format judged by
 * the bytes, decoded within the pixel limit, and re-encoded without its metadata (no GPS position) with a thumbnail.
 * Only the copies leave here; the caller stores them in the transaction of the row naming them. Refusals name
 * {@code file}, in the reader's language.
 */
@Component
public class PublicPhotos {
  /** The public copy (its type and size as shown) and its thumbnail (JPEG). */
  public record Copy(String contentType, int width, int height, byte[] bytes, byte[] thumbnail) {}

  private final MediaSettings settings;
  private final Renditions renditions;

  PublicPhotos(MediaSettings settings) {
    this.settings = settings;
    this.renditions = new Renditions(settings.publicMaxPx, settings.thumbnailPx, settings.maxPixels);
  }

  /** Refuses an upload larger than the media limit before its bytes are read. */
  public void checkSize(long bytes, boolean zh) {
    if (bytes > settings.maxBytes) throw MediaRefusals.tooLarge(zh, settings.maxBytes);
  }

  /** The copies of an upload, or the refusal saying why there are none. */
  public Copy copy(byte[] upload, boolean zh) {
    if (upload == null || upload.length == 0) throw MediaRefusals.empty(zh);
    if (upload.length > settings.maxBytes) throw MediaRefusals.tooLarge(zh, settings.maxBytes);
    ImageFormat format = ImageFormat.of(upload).orElseThrow(() -> MediaRefusals.notAnImage(zh));
    if (!format.decodable) throw MediaRefusals.unreadable(zh, format.contentType);
    try {
      Renditions.Made made = renditions.make(upload, format);
      return new Copy(made.publicType(), made.width(), made.height(), made.publicCopy(), made.thumbnail());
    } catch (Renditions.Unreadable e) {
      throw e.tooManyPixels ? MediaRefusals.tooManyPixels(zh, e.getMessage()) : MediaRefusals.unreadable(zh, e.getMessage());
    }
  }
}
