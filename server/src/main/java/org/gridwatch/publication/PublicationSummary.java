package org.gridwatch.publication;

import java.time.Instant;
import java.time.LocalDate;
import org.gridwatch.area.AreaLevel;

/**
 * A current publication as a resident's list shows it: public by nature (no personal data). {@code excerpt}: the
 * body's first characters as text; {@code guide}: whether a service guide's details belong to it.
 */
public record PublicationSummary(long id, PublicationKind kind, String title, String excerpt, PublisherKind publisherKind,
    String publisherName, AreaLevel areaLevel, String areaCode, LocalDate validFrom, LocalDate validTo,
    Instant publishedAt, long readCount, boolean guide) {}
