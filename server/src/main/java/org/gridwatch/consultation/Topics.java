package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.consultation.ConsultationRequests.TopicRequest;
import org.gridwatch.governance.BodyView;
import org.gridwatch.governance.Bodies;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Status;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topics (议题): opened from a resident's proposal, from cases, from a need or by a body; supported by residents;
 * accepted or declined by the community. A topic from cases links them (topic_case); they stay in their status until
 * a case is convened. Every check runs before the first row is written, so a refusal stores nothing.
 */
@Service
class Topics {
  private final JdbcTemplate jdbc;
  private final Bodies bodies;
  private final IncidentSearch cases;
  private final ConsultationAccess access;
  private final Clock clock;

  Topics(JdbcTemplate jdbc, Bodies bodies, IncidentSearch cases, ConsultationAccess access, Clock clock) {
    this.jdbc = jdbc;
    this.bodies = bodies;
    this.cases = cases;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  long open(TopicRequest r) {
    Actor actor = access.current();
    BodyView body = activeBody(r.body(), "body");
    boolean staff = access.staff(actor);
    if (!staff && r.source() != TopicSource.RESIDENT_PROPOSAL) {
      throw ConsultationProblems.invalid("source", Text.of("consultation.residents-propose-only"));
    }
    if (staff) access.writerIn(body.communityCode());
    List<Incident> linked = new ArrayList<>();
    switch (r.source()) {
      case CASES -> linked = casesOf(r.cases(), body.communityCode());
      case NEED -> {
        if (r.need() == null || count("SELECT COUNT(*) FROM need_record WHERE id = ?", r.need()) == 0) {
          throw ConsultationProblems.invalid("need", Text.of("consultation.unknown-need", String.valueOf(r.need())));
        }
      }
      case BODY -> {
        if (r.sourceBody() == null || bodies.find(r.sourceBody()).isEmpty()) {
          throw ConsultationProblems.invalid("sourceBody", Text.of("consultation.unknown-body", String.valueOf(r.sourceBody())));
        }
      }
      case RESIDENT_PROPOSAL -> { }
    }
    double[] at = place(r.lon(), r.lat(), linked, body);
    String proposer = r.source() == TopicSource.RESIDENT_PROPOSAL ? actor.username() : null;
    return insert(r.title().strip(), blankToNull(r.description()), r.source(), body, r.source() == TopicSource.BODY ? r.sourceBody() : null,
        r.source() == TopicSource.NEED ? r.need() : null, proposer, TopicStatus.PROPOSED, at, linked, actor.username());
  }

  /** Opens an accepted topic for a case being convened (source CASES); the case is linked by the caller. */
  long openForCase(String title, BodyView body, Incident incident, String by) {
    double[] at = {incident.getLocation().getX(), incident.getLocation().getY()};
    return insert(title.strip(), null, TopicSource.CASES, body, null, null, null, TopicStatus.ACCEPTED, at, List.of(), by);
  }

  private long insert(String title, String description, TopicSource source, BodyView body, Long sourceBody, Long need, String proposer,
      TopicStatus status, double[] at, List<Incident> linked, String by) {
    long id = jdbc.queryForObject("SELECT nextval('topic_seq')", Long.class);
    String grid = access.gridAt(at[0], at[1]);
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO topic (id, title, description, source, body_id, source_body_id, need_id, proposer_name, proposer_account,"
        + " status, lon, lat, grid_code, community_code, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, title, description, source.name(), body.id(), sourceBody, need, proposer, proposer, status.name(), at[0], at[1],
        grid != null ? grid : body.gridCode(), body.communityCode(), by, now);
    for (Incident i : linked) link(id, i.getId(), by);
    return id;
  }

  void link(long topicId, long incidentId, String by) {
    jdbc.update("INSERT INTO topic_case (topic_id, incident_id, linked_at, linked_by) VALUES (?, ?, ?, ?)", topicId, incidentId,
        Timestamp.from(clock.instant()), by);
  }

  /** Whether the case is linked to a topic now (not released). */
  boolean linkedNow(long incidentId) {
    return count("SELECT COUNT(*) FROM topic_case WHERE incident_id = ? AND released_at IS NULL", incidentId) > 0;
  }

  private List<Incident> casesOf(List<String> ids, String communityCode) {
    if (ids == null || ids.isEmpty()) throw ConsultationProblems.invalid("cases", Text.of("consultation.cases-needed"));
    List<Incident> found = new ArrayList<>();
    for (int k = 0; k < ids.size(); k++) {
      String field = "cases[" + k + "]";
      String publicId = ids.get(k).strip();
      Incident i = cases.byPublicId(publicId)
          .orElseThrow(() -> ConsultationProblems.invalid(field, Text.of("consultation.unknown-case", publicId)));
      if (!i.getStatus().open() || i.getStatus() == Status.RESOLVED) {
        throw ConsultationProblems.invalid(field, Text.of("consultation.case-not-open", publicId, i.getStatus().name()));
      }
      if (!communityCode.equals(i.getCommunityCode())) {
        throw ConsultationProblems.invalid(field, Text.of("consultation.case-other-community", publicId, communityCode));
      }
      if (linkedNow(i.getId()) || found.stream().anyMatch(f -> f.getId().equals(i.getId()))) {
        throw ConsultationProblems.invalid(field, Text.of("consultation.case-in-topic", publicId));
      }
      found.add(i);
    }
    return found;
  }

  private double[] place(Double lon, Double lat, List<Incident> linked, BodyView body) {
    if ((lon == null) != (lat == null)) throw ConsultationProblems.invalid(lon == null ? "lon" : "lat", Text.of("consultation.lon-lat-both"));
    if (lon != null) {
      if (!Double.isFinite(lon) || !Double.isFinite(lat) || access.gridAt(lon, lat) == null) {
        throw ConsultationProblems.invalid("lon", Text.of("consultation.outside-district"));
      }
      return new double[] {lon, lat};
    }
    if (!linked.isEmpty()) return new double[] {linked.get(0).getLocation().getX(), linked.get(0).getLocation().getY()};
    var area = access.areaOf(body.gridCode(), body.communityCode());
    if (area == null || area.boundary() == null) throw ConsultationProblems.invalid("lon", Text.of("consultation.place-needed"));
    var p = area.boundary().getInteriorPoint();
    return new double[] {p.getX(), p.getY()};
  }

  /** The body by id, active today; 422 naming {@code field} otherwise. */
  BodyView activeBody(Long id, String field) {
    BodyView b = id == null ? null : bodies.find(id).orElse(null);
    if (b == null || !b.activeOn(access.today())) {
      throw ConsultationProblems.invalid(field, Text.of("consultation.unknown-body", String.valueOf(id)));
    }
    return b;
  }

  @Transactional
  int support(long topicId) {
    Actor actor = access.current();
    TopicRow t = row(topicId);
    if (t.source() != TopicSource.RESIDENT_PROPOSAL || t.status() != TopicStatus.PROPOSED && t.status() != TopicStatus.ACCEPTED) {
      throw ConsultationProblems.outOfOrder("support", t.status());
    }
    if (count("SELECT COUNT(*) FROM topic_supporter WHERE topic_id = ? AND account = ?", topicId, actor.username()) > 0) {
      throw ConsultationProblems.conflict("already-supported", "Already supported", Text.of("consultation.already-supported", String.valueOf(topicId)));
    }
    // lock the topic so two supports by one account cannot both pass the check (the unique key stops the second too)
    jdbc.update("UPDATE topic SET version = version + 1 WHERE id = ?", topicId);
    jdbc.update("INSERT INTO topic_supporter (topic_id, name, account, supported_at) VALUES (?, ?, ?, ?)", topicId, actor.username(),
        actor.username(), Timestamp.from(clock.instant()));
    return count("SELECT COUNT(*) FROM topic_supporter WHERE topic_id = ?", topicId);
  }

  @Transactional
  void accept(long topicId) { settle(topicId, TopicStatus.ACCEPTED, null); }

  @Transactional
  void decline(long topicId, String reason) { settle(topicId, TopicStatus.DECLINED, reason.strip()); }

  private void settle(long topicId, TopicStatus to, String reason) {
    TopicRow t = row(topicId);
    access.writerIn(t.communityCode());
    if (t.status() != TopicStatus.PROPOSED) throw ConsultationProblems.outOfOrder(to == TopicStatus.ACCEPTED ? "accept" : "decline", t.status());
    int n = jdbc.update("UPDATE topic SET status = ?, decline_reason = ?, version = version + 1 WHERE id = ? AND status = 'PROPOSED'",
        to.name(), reason, topicId);
    if (n == 0) throw ConsultationProblems.outOfOrder("accept", row(topicId).status());
  }

  /** A topic's row, for the checks of every step; 404 when unknown. */
  TopicRow row(long id) {
    return jdbc.query("SELECT id, status, community_code, body_id, source, title FROM topic WHERE id = ?",
        (rs, n) -> new TopicRow(rs.getLong(1), TopicStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
            TopicSource.valueOf(rs.getString(5)), rs.getString(6)), id).stream().findFirst()
        .orElseThrow(() -> ConsultationProblems.unknown("topic", id));
  }

  record TopicRow(long id, TopicStatus status, String communityCode, long bodyId, TopicSource source, String title) {}

  private int count(String sql, Object... args) { return jdbc.queryForObject(sql, Integer.class, args); }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
