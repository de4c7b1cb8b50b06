package org.gridwatch.volunteer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing registered people, as a reader may ({@link VolunteerAccess}): masked lists and views, the
 * audited full record, changes of skills, availability and star level. A person the reader may not see is a 404, as
 * one that does not exist: a reader learns nothing of people outside their area.
 */
@Service
class Volunteers {
  private final VolunteerStore store;
  private final VolunteerAccess access;
  private final RecordReads reads;
  private final PersonalData personal;
  private final Clock clock;

  Volunteers(VolunteerStore store, VolunteerAccess access, RecordReads reads, PersonalData personal, Clock clock) {
    this.store = store;
    this.access = access;
    this.reads = reads;
    this.personal = personal;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<VolunteerView> list(VolunteerAccess.Reader reader, String grid, String skill, VolunteerKind kind) {
    List<VolunteerStore.Row> rows = store.list(grid, skill, kind).stream().filter(r -> access.mayRead(reader, r)).toList();
    return views(rows);
  }

  @Transactional(readOnly = true)
  VolunteerView view(VolunteerAccess.Reader reader, long id) {
    return views(List.of(readable(reader, id))).get(0);
  }

  /** The full record, unmasked; the read is audited in the same transaction before the answer goes out. */
  @Transactional
  VolunteerRecord record(VolunteerAccess.Reader reader, long id) {
    VolunteerStore.Row r = readable(reader, id);
    if (!access.mayReadRecord(reader, r)) {
      throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for you",
          Text.of("volunteer.record-not-yours"), List.of());
    }
    reads.record(id, reader.username(), roleOf(reader), clock.instant());
    List<Long> ids = List.of(id);
    return new VolunteerRecord(r.id(), r.kind(), r.name(), personal.open(r.idNumberSealed()), personal.open(r.phoneSealed()),
        r.homeGrid(), store.skills(ids).getOrDefault(id, List.of()), store.availability(ids).getOrDefault(id, List.of()),
        r.starLevel(), r.certificateLevel(), r.organisation(), r.username(), r.registered());
  }

  @Transactional(readOnly = true)
  List<RecordReads.RecordRead> recordReads(long id) {
    if (store.find(id).isEmpty()) throw notFound(id);
    return reads.of(id);
  }

  @Transactional
  VolunteerView change(VolunteerAccess.Reader reader, long id, VolunteerChange c) {
    VolunteerStore.Row r = readable(reader, id);
    access.requireWrite(reader, r.homeGrid());
    var errors = Registration.windowErrors("availability", c.availability());
    if (!errors.isEmpty()) throw Registration.unprocessable(errors);
    if (c.skills() != null) store.replaceSkills(id, Registration.skills(c.skills()));
    if (c.availability() != null) store.replaceAvailability(id, c.availability());
    if (c.starLevel() != null) store.setStarLevel(id, c.starLevel());
    return views(List.of(store.find(id).orElseThrow())).get(0);
  }

  private VolunteerStore.Row readable(VolunteerAccess.Reader reader, long id) {
    return store.find(id).filter(r -> access.mayRead(reader, r)).orElseThrow(() -> notFound(id));
  }

  private List<VolunteerView> views(List<VolunteerStore.Row> rows) {
    List<Long> ids = rows.stream().map(VolunteerStore.Row::id).toList();
    Map<Long, List<String>> skills = store.skills(ids);
    Map<Long, List<Availability>> windows = store.availability(ids);
    List<VolunteerView> out = new ArrayList<>(rows.size());
    for (VolunteerStore.Row r : rows) {
      out.add(new VolunteerView(r.id(), r.kind(), r.name(), r.idNumberMasked(), r.phoneMasked(), r.homeGrid(),
          skills.getOrDefault(r.id(), List.of()), windows.getOrDefault(r.id(), List.of()), r.starLevel(), r.certificateLevel(),
          r.organisation(), r.registered()));
    }
    return out;
  }

  /** The role written into the audit: the most senior one held. */
  private static String roleOf(VolunteerAccess.Reader reader) {
    for (Role role : Role.values()) if (reader.roles().contains(role)) return role.name();
    return "NONE";
  }

  static ProblemException notFound(long id) {
    return ProblemException.notFound("unknown-volunteer", "Unknown volunteer", Text.of("volunteer.unknown", String.valueOf(id)));
  }
}
