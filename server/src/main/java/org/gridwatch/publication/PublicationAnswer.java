package org.gridwatch.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridwatch.area.AreaLevel;

/**
 * One publication as its readers see it: public for a current published one (no personal data: the publisher is an
 * office or a company, the guide's phone an office line). {@code createdBy} is shown to staff only (null for the public).
 */
public record PublicationAnswer(long id, PublicationKind kind, String title, String body, PublicationStatus status,
    PublisherKind publisherKind, AreaLevel publisherLevel, String publisherName, AreaLevel areaLevel, String areaCode,
    String areaName, LocalDate validFrom, LocalDate validTo, Instant publishedAt, String reviewNote, long readCount,
    String createdBy, SourceAnswer source, GuideAnswer guide, List<AttachmentAnswer> attachments) {

  /** The decision or project a result reports on. */
  public record SourceAnswer(String kind, long id) {}

  /** A service guide's details and where the service is given. */
  public record GuideAnswer(String item, String eligibility, String materials, Long servicePoint, String servicePointName,
      String servicePointAddress, String hours, String fees, String timeLimit, String contactPhone) {}

  /** A file attached to the publication and where to download it. */
  public record AttachmentAnswer(long id, String name, String contentType, long sizeBytes, String url) {}
}
