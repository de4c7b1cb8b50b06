package org.gridwatch.publication;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.publication.PublicationAnswer.AttachmentAnswer;
import org.gridwatch.publication.PublicationAnswer.GuideAnswer;
import org.gridwatch.publication.PublicationAnswer.SourceAnswer;
import org.gridwatch.publication.PublicationStore.Row;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading publications, by who asks: a current published one is anyone's (and counts its reader once); anything else
 * only the staff in scope of its area and its writer see (a 404 to the rest: no hint that it exists).
 */
@Service
class PublicationReads {
  private final Actors actors;
  private final AreaCatalog catalog;
  private final PublishingRights rights;
  private final PublicationStore store;
  private final PublicationFiles files;
  private final PublicationDesk desk;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Publications publications;

  PublicationReads(Actors actors, AreaCatalog catalog, PublishingRights rights, PublicationStore store, PublicationFiles files,
      PublicationDesk desk, JdbcTemplate jdbc, TransactionTemplate tx, Publications publications) {
    this.publications = publications;
    this.actors = actors;
    this.catalog = catalog;
    this.rights = rights;
    this.store = store;
    this.files = files;
    this.desk = desk;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** The publication for the current reader; {@code anonymousReader}: the hashed client, for counting anonymous reads. */
  PublicationAnswer one(long id, String anonymousReader) {
    Actor a = actors.current();
    Row r = visible(id, a);
    if (current(r)) count(r.id(), a == Actor.ANONYMOUS_RESIDENT ? "a:" + anonymousReader + ":" + desk.today() : "u:" + a.username());
    return answer(store.find(id).orElseThrow(), staff(a, r));
  }

  /** The row when the actor may see it, else 404. */
  Row visible(long id, Actor a) {
    Row r = store.find(id).orElseThrow(() -> PublicationProblems.unknown(id));
    if (current(r) || staff(a, r)) return r;
    throw PublicationProblems.unknown(id);
  }

  /** The publications with a status the actor may see (their scope, or written by them), newest change first. */
  List<PublicationAnswer> withStatus(PublicationStatus status, String areaCode, boolean mine) {
    Actor a = actors.current();
    return store.withStatus(status, a.username(), mine ? List.of() : rights.scopePrefixes(a, desk.today()), 500).stream()
        .filter(r -> !mine || a.username().equals(r.createdBy()))
        .filter(r -> areaCode == null || r.areaCode().startsWith(areaCode)) // codes nest: an area's own begin with its code
        .filter(r -> staff(a, r))
        .limit(200).map(r -> answer(r, true)).toList();
  }

  boolean current(Row r) {
    LocalDate today = desk.today();
    return r.status() == PublicationStatus.PUBLISHED && !r.validFrom().isAfter(today) && (r.validTo() == null || !r.validTo().isBefore(today));
  }

  private boolean staff(Actor a, Row r) {
    if (a == Actor.ANONYMOUS_RESIDENT) return false;
    if (a.username().equals(r.createdBy())) return true;
    AreaView area = catalog.now().find(r.areaCode()).orElse(null);
    if (area == null) return a.commandCentre();
    if (rights.officerOver(a, area).isPresent()) return true; // the officers over it, who review and withdraw
    // a grid officer, a property company or an organisation: only their own (their organisation's) unpublished items
    return r.organisationId() != null && a.organisation().map(r.organisationId()::equals).orElse(false)
        && rights.inScope(a, area, desk.today());
  }

  /** Counts a reader once: a row per distinct reader, the count raised only when the row is new (its own transaction). */
  private void count(long id, String readerKey) {
    try {
      tx.executeWithoutResult(s -> {
        int added = jdbc.update("INSERT INTO publication_reader (publication_id, reader_key, read_at) SELECT ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM publication_reader WHERE publication_id = ? AND reader_key = ?)", id, readerKey,
            Timestamp.from(java.time.Instant.now()), id, readerKey);
        if (added > 0) jdbc.update("UPDATE publication SET read_count = read_count + 1 WHERE id = ?", id);
      });
    } catch (DataIntegrityViolationException raced) {
      // the same reader counted at the same moment by another request: counted once there
    }
  }

  PublicationAnswer answer(Row r, boolean staff) {
    GuideAnswer guide = java.util.Optional.ofNullable(publications.guides(List.of(r.id())).get(r.id())).map(g -> {
      String[] point = g.servicePoint() == null ? null : store.servicePoint(g.servicePoint()).orElse(null);
      return new GuideAnswer(g.item(), g.eligibility(), g.materials(), g.servicePoint(), point == null ? null : point[0],
          point == null ? null : point[1], g.hours(), g.fees(), g.timeLimit(), g.contactPhone());
    }).orElse(null);
    List<AttachmentAnswer> attachments = files.list(r.id());
    String areaName = catalog.now().find(r.areaCode()).map(AreaView::name).orElse(r.areaCode());
    return new PublicationAnswer(r.id(), r.kind(), r.title(), r.body(), r.status(), r.publisherKind(), r.publisherLevel(),
        r.publisherName(), r.areaLevel(), r.areaCode(), areaName, r.validFrom(), r.validTo(), r.publishedAt(),
        staff ? r.reviewNote() : null, r.readCount(), staff ? r.createdBy() : null,
        r.sourceKind() == null ? null : new SourceAnswer(r.sourceKind(), r.sourceId()), guide, attachments);
  }
}
