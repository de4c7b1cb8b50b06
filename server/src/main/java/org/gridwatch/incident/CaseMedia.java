package org.gridwatch.incident;

import java.time.Instant;
import java.util.List;

/**
 * The photos of a case as its views list them ({@code "media"}). A port: the incident capability calls it, the
 * media capability implements it, so that incident never depends on media. Anonymous views list no media.
 */
public interface CaseMedia {
  /**
   * One photo. {@code url} and {@code thumbnailUrl} are the public copy (re-encoded, metadata stripped) and its
   * thumbnail, both {@code null} for a format the server cannot decode (HEIC): then only staff have the
   * {@code originalUrl}, which is {@code null} for everyone else. {@code width}/{@code height} are the photo's
   * as shown (EXIF orientation applied), {@code null} when unknown; {@code bytes} the size of the upload.
   */
  record Item(String id, String kind, String contentType, long bytes, Integer width, Integer height, String url,
      String thumbnailUrl, Instant uploadedAt, String originalUrl) {}

  /** The media of case {@code incidentId} (public id {@code publicId}), oldest first; {@code staff}: with originals. */
  List<Item> of(long incidentId, String publicId, boolean staff);
}
