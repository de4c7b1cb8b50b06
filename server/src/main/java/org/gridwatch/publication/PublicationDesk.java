package org.gridwatch.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.notification.Outbox;
import org.gridwatch.notification.OutboxMessage;
import org.gridwatch.notification.RecipientKind;
import org.gridwatch.problem.Text;
import org.gridwatch.publication.PublicationRequests.NewPublication;
import org.gridwatch.publication.PublicationStore.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reviewing publications: a draft, submitted for review or published at once (by who writes it, see
 * {@link Publisher#reviewed}), approved or rejected with a note, withdrawn. Every check comes before the first write,
 * so a refusal stores nothing; publishing enqueues the area's notice in the same transaction.
 */
@Service
class PublicationDesk {
  private final Actors actors;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final PublishingRights rights;
  private final PublicationStore store;
  private final Outbox outbox;
  private final Clock clock;

  PublicationDesk(Actors actors, AreaCatalog catalog, DistrictProfile district, PublishingRights rights, PublicationStore store,
      Outbox outbox, Clock clock) {
    this.actors = actors;
    this.catalog = catalog;
    this.district = district;
    this.rights = rights;
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  @Transactional
  long create(NewPublication p) {
    Actor a = actors.current();
    AreaView area = catalog.now().find(p.area().trim())
        .orElseThrow(() -> PublicationProblems.invalid("area", Text.of("publication.unknown-area", p.area())));
    LocalDate from = p.validFrom() == null ? today() : p.validFrom();
    if (p.validTo() != null && p.validTo().isBefore(from)) {
      throw PublicationProblems.invalid("validTo", Text.of("publication.valid-to-before-from", p.validTo().toString(), from.toString()));
    }
    if (p.kind() == PublicationKind.SERVICE_GUIDE && p.guide() == null) {
      throw PublicationProblems.invalid("guide", Text.of("publication.guide-required"));
    }
    if (p.kind() != PublicationKind.SERVICE_GUIDE && p.guide() != null) {
      throw PublicationProblems.invalid("guide", Text.of("publication.guide-only-for-guides"));
    }
    if (p.guide() != null && p.guide().servicePoint() != null && store.servicePoint(p.guide().servicePoint()).isEmpty()) {
      throw PublicationProblems.invalid("guide.servicePoint", Text.of("publication.unknown-service-point", String.valueOf(p.guide().servicePoint())));
    }
    checkSource(p);
    Publisher publisher = rights.publisherFor(a, area, today())
        .orElseThrow(() -> PublicationProblems.forbidden(Text.of("publication.not-your-area", area.code())));
    if (p.organisation() != null && !p.organisation().equals(publisher.organisationId())) {
      throw PublicationProblems.forbidden(Text.of("publication.not-your-organisation", String.valueOf(p.organisation())));
    }
    boolean submit = Boolean.TRUE.equals(p.submit());
    PublicationStatus status = !submit ? PublicationStatus.DRAFT
        : publisher.reviewed() ? PublicationStatus.PENDING_REVIEW : PublicationStatus.PUBLISHED;
    Instant now = clock.instant();
    String name = p.publisherName() == null || p.publisherName().isBlank() ? publisher.office() : p.publisherName().trim();
    long id = store.insert(new Row(0, p.kind(), p.title(), p.body(), publisher.kind(), publisher.level(), name,
        publisher.organisationId(), a.username(), area.level(), area.code(), from, p.validTo(), status, null,
        status == PublicationStatus.PUBLISHED ? now : null, p.source() == null ? null : p.source().kind().name(),
        p.source() == null ? null : p.source().id(), 0, now), now);
    if (p.guide() != null) store.insertGuide(id, p.guide());
    if (status == PublicationStatus.PUBLISHED) announce(id, p.title(), p.kind(), area.code());
    return id;
  }

  /** DRAFT → PENDING_REVIEW, or PUBLISHED for a writer who needs no review. Its writer, or an officer over it. */
  @Transactional
  void submit(long id) {
    Actor a = actors.current();
    Row r = locked(id, a);
    AreaView area = areaOf(r);
    boolean writer = a.username().equals(r.createdBy()) || rights.atOrAbove(a, area, r.publisherLevel());
    if (!writer) throw PublicationProblems.forbidden(Text.of("publication.not-yours", String.valueOf(id)));
    if (r.status() != PublicationStatus.DRAFT) throw PublicationProblems.illegal("submit", r.status());
    boolean reviewed = new Publisher(r.publisherKind(), r.publisherLevel(), r.publisherName(), r.organisationId()).reviewed();
    Instant now = clock.instant();
    if (reviewed) {
      store.move(id, PublicationStatus.PENDING_REVIEW, now, false, null, null);
    } else {
      store.move(id, PublicationStatus.PUBLISHED, now, true, null, null);
      announce(id, r.title(), r.kind(), r.areaCode());
    }
  }

  /** PENDING_REVIEW → PUBLISHED, by an officer of the community the area lies in, or higher. */
  @Transactional
  void approve(long id, String note) {
    Actor a = actors.current();
    Row r = reviewable(id, a, "approve");
    store.move(id, PublicationStatus.PUBLISHED, clock.instant(), true, a.username(), blankToNull(note));
    announce(id, r.title(), r.kind(), r.areaCode());
  }

  /** PENDING_REVIEW → REJECTED, with the note saying why (required). */
  @Transactional
  void reject(long id, String note) {
    Actor a = actors.current();
    if (blankToNull(note) == null) throw PublicationProblems.invalid("note", Text.of("publication.note-required"));
    reviewable(id, a, "reject");
    store.move(id, PublicationStatus.REJECTED, clock.instant(), false, a.username(), note.trim());
  }

  /** PUBLISHED → WITHDRAWN, by its writer or an officer at the publisher's level or above. */
  @Transactional
  void withdraw(long id, String note) {
    Actor a = actors.current();
    Row r = locked(id, a);
    AreaView area = areaOf(r);
    boolean allowed = a.username().equals(r.createdBy()) || rights.atOrAbove(a, area, r.publisherLevel());
    if (!allowed) throw PublicationProblems.forbidden(Text.of("publication.not-yours", String.valueOf(id)));
    if (r.status() != PublicationStatus.PUBLISHED) throw PublicationProblems.illegal("withdraw", r.status());
    store.move(id, PublicationStatus.WITHDRAWN, clock.instant(), false, null, blankToNull(note));
  }

  private Row reviewable(long id, Actor a, String step) {
    Row r = locked(id, a);
    if (rights.officerOver(a, areaOf(r)).isEmpty()) throw PublicationProblems.forbidden(Text.of("publication.not-your-review", String.valueOf(id)));
    if (r.status() != PublicationStatus.PENDING_REVIEW) throw PublicationProblems.illegal(step, r.status());
    return r;
  }

  /** The row, locked; a 404 for a publication the actor may not see at all. */
  private Row locked(long id, Actor a) {
    Row r = store.lock(id).orElseThrow(() -> PublicationProblems.unknown(id));
    if (!a.username().equals(r.createdBy()) && !rights.inScope(a, areaOf(r), today())) throw PublicationProblems.unknown(id);
    return r;
  }

  /** The publication's area now (a code no longer in the hierarchy: a bare view so that only the command centre acts). */
  private AreaView areaOf(Row r) {
    return catalog.now().find(r.areaCode()).orElseGet(() -> new AreaView(r.areaCode(), r.areaLevel(), r.areaCode(), r.areaCode(),
        null, null, false, null, 0, 0, 0, 0, null, null));
  }

  private void checkSource(NewPublication p) {
    boolean result = p.kind() == PublicationKind.CONSULTATION_RESULT || p.kind() == PublicationKind.PROJECT_RESULT;
    if (p.source() == null) return;
    if (!result) throw PublicationProblems.invalid("source", Text.of("publication.source-only-for-results"));
    boolean known = switch (p.source().kind()) {
      case DECISION -> store.decisionPublished(p.source().id());
      case PROJECT -> store.projectExists(p.source().id());
    };
    if (!known) throw PublicationProblems.invalid("source.id", Text.of("publication.unknown-source", p.source().kind().name(), String.valueOf(p.source().id())));
  }

  /** The notice to the area's subscribers (and, by the dispatcher's fan-out, those of the areas inside it). */
  private void announce(long id, String title, PublicationKind kind, String areaCode) {
    outbox.enqueue(new OutboxMessage("AREA_NOTICE", RecipientKind.AREA_SUBSCRIBERS, areaCode, null,
        Map.of("publication", String.valueOf(id), "title", title, "kind", kind.name(), "areaCode", areaCode), "AREA_NOTICE:" + id));
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
