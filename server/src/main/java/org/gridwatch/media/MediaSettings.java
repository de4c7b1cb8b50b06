package org.gridwatch.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code gridwatch.media.*}: the largest upload, how many photos a case and its reporter may attach, the largest
 * picture (in pixels) the server decodes, and the sizes of the public copy and the thumbnail (long side, px).
 * The multipart limit ({@code spring.servlet.multipart.max-file-size}) must be at least {@code max-bytes}, so
 * that an upload over it is answered by the media check, naming {@code file}.
 */
@Component
class MediaSettings {
  final long maxBytes;
  final int maxPerCase;
  final int maxFromReporter;
  final long maxPixels;
  final int publicMaxPx;
  final int thumbnailPx;

  MediaSettings(@Value("${gridwatch.media.max-bytes:10485760}") long maxBytes,
      @Value("${gridwatch.media.max-per-case:30}") int maxPerCase,
      @Value("${gridwatch.media.max-from-reporter:6}") int maxFromReporter,
      @Value("${gridwatch.media.max-pixels:60000000}") long maxPixels,
      @Value("${gridwatch.media.public-max-px:2048}") int publicMaxPx,
      @Value("${gridwatch.media.thumbnail-px:320}") int thumbnailPx,
      @Value("${spring.servlet.multipart.max-file-size:1MB}") org.springframework.util.unit.DataSize multipartMax) {
    if (maxBytes > multipartMax.toBytes()) {
      throw new IllegalStateException("gridwatch.media.max-bytes (" + maxBytes + ") is larger than spring.servlet.multipart."
          + "max-file-size (" + multipartMax.toBytes() + "): raise that too");
    }
    this.maxBytes = maxBytes;
    this.maxPerCase = maxPerCase;
    this.maxFromReporter = Math.min(maxFromReporter, maxPerCase);
    this.maxPixels = maxPixels;
    this.publicMaxPx = publicMaxPx;
    this.thumbnailPx = thumbnailPx;
  }
}
