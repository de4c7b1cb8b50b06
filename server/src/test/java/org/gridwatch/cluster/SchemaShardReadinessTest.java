package org.gridwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridwatch.support.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the schema ready to be sharded by district code (docs/scale.md, "Province scale: Citus on paper"), read from
 * PostgreSQL's information_schema after every migration. Every table is a reference table (replicated to every
 * shard), a coordinator table (deployment plumbing), or a district table that reaches its district through a NOT NULL
 * column: {@code district_code}, an area code whose first six digits are the district's, or a foreign key to a
 * district table. Foreign keys between district tables are either within one district by construction or known to
 * be able to join two districts. Today's gaps are listed here and in docs/scale.md with the migration that closes
 * each; a new table or foreign key that is none of these fails, and so does a listed gap that has been closed.
 */
@OnPostgis
class SchemaShardReadinessTest {
  /** Small, read by every district, no district of their own: Citus reference tables. */
  static final Set<String> REFERENCE = Set.of("app_user", "app_user_role", "calendar_change", "calendar_year", "category",
      "category_service", "category_time_limit", "department", "funding_round", "organisation", "organisation_incubation",
      "organisation_staff", "round_criterion", "spatial_ref_sys",
      // the one zone the case tally counts days in
      "case_tally_zone");
  /** Deployment plumbing that stays on the coordinator (sessions, migrations, instances, the outbox, subscriptions). */
  static final Set<String> COORDINATOR = Set.of("catalog_instance", "dataset_import", "flyway_schema_history",
      "notification_preference", "organisation_service_area_lock", "outbox_message", "spring_session",
      "spring_session_attributes", "subscription");
  /** Columns holding a district code or an area code that starts with it (GB/T 2260 six digits, then the levels below). */
  static final Set<String> AREA_CODE_COLUMNS = Set.of("district_code", "grid_code", "community_code", "subdistrict_code",
      "area_code", "parent_code", "home_grid_code", "home_community_code");
  /** Tables whose own {@code code} is an area code. */
  static final Set<String> CODE_IS_AN_AREA = Set.of("area", "boundary_edit_area", "edit_draft");

  /** District tables with no NOT NULL way to their district today; docs/scale.md, "Schema readiness", closes each. */
  static final Set<String> KNOWN_GAPS = Set.of(
      // located by a point or shape only (or a nullable grid): district_code from the area containing it
      "building", "address", "compound", "camera", "key_area", "obstacle", "patrol_route", "route_checkpoint",
      "patrol", "patrol_batch", "patrol_checkin", "patrol_point",
      "activity", "activity_organisation", "activity_organiser", "activity_skill", "attendance", "attendance_correction",
      // people and teams: unit_code is a community/subdistrict code or a district department's code
      "person", "team",
      // volunteers: home_grid is optional
      "volunteer", "volunteer_availability", "volunteer_match", "volunteer_record_read", "volunteer_skill",
      // funded projects: a service area (shape), no code
      "project", "project_activity", "project_activity_person", "project_activity_photo", "project_category",
      "project_evaluation", "project_event", "project_review", "project_review_score", "project_tranche", "review_conflict",
      // service offers: the service point is optional
      "service_offer", "service_offer_hours",
      // 12345 tickets arrive before they are located
      "hotline_ticket", "hotline_event");

  /** Foreign keys between district tables that can join rows of two districts (docs/scale.md lists each). */
  static final Set<String> CROSSING = Set.of(
      "incident.duplicate_of -> incident", "incident.merged_into -> incident",
      "grid_assignment.person_id -> person", "grid_assignment.team_id -> team",
      "booking.offer_id -> service_offer",
      "mediation.mediator_volunteer_id -> volunteer", "mediation_session.service_point_id -> service_point",
      "meeting.service_point_id -> service_point", "meeting_invitee.body_id -> body",
      "body_member.volunteer_id -> volunteer", "body_member.party_member_id -> party_member",
      "party_member.body_id -> body", "topic.source_body_id -> body", "topic.need_id -> need_record",
      "activity_organiser.volunteer_id -> volunteer", "attendance.volunteer_id -> volunteer",
      "volunteer_match.volunteer_id -> volunteer", "volunteer_team_member.volunteer_id -> volunteer",
      "project.lead_social_worker_id -> volunteer", "project_need.need_id -> need_record");

  /** Foreign keys from a row to the row it is part of, or within one body, topic or area tree: one district by construction. */
  static final Set<String> WITHIN = Set.of(
      "activity_organisation.activity_id -> activity", "activity_organiser.activity_id -> activity",
      "activity_skill.activity_id -> activity", "area.parent_code -> area", "area_version.area_id -> area",
      "attendance.activity_id -> activity", "attendance_correction.activity_id+volunteer_id -> attendance",
      "body.parent_id -> body", "body_member.body_id -> body", "boundary_edit.reverted_by -> boundary_edit",
      "boundary_edit.reverts -> boundary_edit", "boundary_edit_area.edit_id -> boundary_edit",
      "decision.meeting_id -> meeting", "decision.topic_id -> topic", "decision_vote.decision_id -> decision",
      "decision_vote.member_id -> body_member", "grid_assignment.grid_code -> area",
      "hotline_event.ticket_number -> hotline_ticket", "hotline_ticket.incident_id -> incident",
      "idempotency_key.incident_id -> incident", "incident_event.incident_id -> incident",
      "incident_feedback.incident_id -> incident", "media.incident_id -> incident", "media_content.media_id -> media",
      "mediation.incident_id -> incident", "mediation_party.mediation_id -> mediation",
      "mediation_session.mediation_id -> mediation", "meeting.body_id -> body",
      "meeting_attendance.meeting_id -> meeting", "meeting_attendance.member_id -> body_member",
      "meeting_invitee.meeting_id -> meeting", "meeting_topic.meeting_id -> meeting", "meeting_topic.topic_id -> topic",
      "patrol_batch.patrol_id -> patrol", "patrol_checkin.patrol_id -> patrol", "patrol_point.patrol_id -> patrol",
      "project_activity.project_id -> project", "project_activity_person.activity_id -> project_activity",
      "project_activity_photo.activity_id -> project_activity", "project_area.project_id -> project",
      "project_category.project_id -> project", "project_evaluation.project_id -> project",
      "project_event.project_id -> project", "project_need.project_id -> project", "project_review.project_id -> project",
      "project_review_score.review_id -> project_review", "project_tranche.project_id -> project",
      "publication_attachment.publication_id -> publication", "publication_reader.publication_id -> publication",
      "review_conflict.project_id -> project", "service_guide.publication_id -> publication",
      "service_offer.service_point_id -> service_point", "service_offer_area.offer_id -> service_offer",
      "service_offer_hours.offer_id -> service_offer", "service_point_hours.service_point_id -> service_point",
      "service_point_photo.service_point_id -> service_point", "supervision.member_id -> body_member",
      "supervision.topic_id -> topic", "task.decision_id -> decision", "task_evidence.task_id -> task",
      "topic.body_id -> body", "topic_case.incident_id -> incident", "topic_case.topic_id -> topic",
      "topic_supporter.topic_id -> topic", "volunteer_availability.volunteer_id -> volunteer",
      "volunteer_record_read.volunteer_id -> volunteer", "volunteer_skill.volunteer_id -> volunteer",
      "volunteer_team_member.team_id -> volunteer_team");

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void everyTableReachesItsDistrictOrIsAReferenceCoordinatorOrKnownGapTable() {
    Schema s = Schema.read(jdbc);
    assertThat(s.tablesWithoutDistrict()).as("new tables with no NOT NULL district_code, area code or foreign key to a "
        + "district table: add one, or list the table (and the migration that would close it) in docs/scale.md and here")
        .isEmpty();
    assertThat(s.closedGaps()).as("gaps closed or tables gone: take them off KNOWN_GAPS and docs/scale.md").isEmpty();
    assertThat(s.tables).as("every listed reference and coordinator table exists").containsAll(REFERENCE).containsAll(COORDINATOR);
  }

  @Test
  void everyForeignKeyBetweenDistrictTablesIsKnownToStayInItsDistrictOrToCrossIt() {
    Schema s = Schema.read(jdbc);
    assertThat(s.unknownForeignKeys()).as("new foreign keys between district tables: include district_code in both "
        + "sides, or list them in docs/scale.md and in WITHIN or CROSSING here").isEmpty();
    assertThat(s.staleForeignKeys()).as("listed foreign keys that no longer exist").isEmpty();
    assertThat(s.referenceToDistrict()).as("a reference table may not point at a district table (Citus refuses)").isEmpty();
  }

  /** The rules bite: tables made inside a transaction that is rolled back are judged like migrated ones. */
  @Test
  void aNewTableWithoutItsDistrictOrANewForeignKeyAcrossDistrictsIsCaught() {
    tx.executeWithoutResult(status -> {
      jdbc.execute("CREATE TABLE shard_probe_orphan (id BIGINT PRIMARY KEY, note VARCHAR(20))");
      jdbc.execute("CREATE TABLE shard_probe_placed (id BIGINT PRIMARY KEY, grid_code VARCHAR(15) NOT NULL,"
          + " incident_id BIGINT NOT NULL REFERENCES incident (id))");
      jdbc.execute("CREATE TABLE shard_probe_part (id BIGINT PRIMARY KEY, placed_id BIGINT NOT NULL REFERENCES shard_probe_placed (id))");
      jdbc.execute("CREATE TABLE shard_probe_maybe (id BIGINT PRIMARY KEY, grid_code VARCHAR(15))");
      Schema s = Schema.read(jdbc);
      assertThat(s.tablesWithoutDistrict()).containsExactlyInAnyOrder("shard_probe_orphan", "shard_probe_maybe");
      assertThat(s.unknownForeignKeys()).containsExactlyInAnyOrder("shard_probe_placed.incident_id -> incident",
          "shard_probe_part.placed_id -> shard_probe_placed");
      status.setRollbackOnly();
    });
  }

  /** The current schema as the rules see it. */
  private record Schema(Set<String> tables, Map<String, Map<String, Boolean>> notNull, List<Fk> fks) {
    record Fk(String child, List<String> columns, String parent) {
      String name() { return child + "." + String.join("+", columns) + " -> " + parent; }
    }

    static Schema read(JdbcTemplate jdbc) {
      Set<String> tables = new TreeSet<>(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class));
      Map<String, Map<String, Boolean>> columns = new HashMap<>();
      jdbc.query("SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()",
          rs -> { columns.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), "NO".equals(rs.getString(3))); });
      Map<String, Fk> fks = new HashMap<>();
      jdbc.query("SELECT k.table_name, k.column_name, u.table_name, r.constraint_name FROM information_schema.referential_constraints r"
          + " JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema AND k.constraint_name = r.constraint_name"
          + " JOIN information_schema.table_constraints u ON u.constraint_schema = r.unique_constraint_schema"
          + " AND u.constraint_name = r.unique_constraint_name"
          + " WHERE r.constraint_schema = current_schema() ORDER BY r.constraint_name, k.table_name, k.ordinal_position", rs -> {
            String child = rs.getString(1), column = rs.getString(2), parent = rs.getString(3);
            fks.computeIfAbsent(rs.getString(4) + "/" + child, x -> new Fk(child, new ArrayList<>(), parent)).columns().add(column);
          });
      return new Schema(tables, columns, List.copyOf(fks.values()));
    }

    boolean district(String table) { return tables.contains(table) && !REFERENCE.contains(table) && !COORDINATOR.contains(table); }

    /** District tables that reach their district through NOT NULL columns, found by following foreign keys to a fixpoint. */
    Set<String> placed() {
      Set<String> placed = new HashSet<>();
      for (String t : tables) {
        if (!district(t)) continue;
        Map<String, Boolean> cols = notNull.getOrDefault(t, Map.of());
        boolean code = cols.entrySet().stream().anyMatch(c -> c.getValue() && AREA_CODE_COLUMNS.contains(c.getKey()))
            || (CODE_IS_AN_AREA.contains(t) && Boolean.TRUE.equals(cols.get("code")));
        if (code) placed.add(t);
      }
      for (boolean grew = true; grew; ) {
        grew = false;
        for (Fk fk : fks) {
          if (district(fk.child()) && !placed.contains(fk.child()) && placed.contains(fk.parent())
              && fk.columns().stream().allMatch(c -> Boolean.TRUE.equals(notNull.get(fk.child()).get(c)))) {
            grew = placed.add(fk.child());
          }
        }
      }
      return placed;
    }

    Set<String> tablesWithoutDistrict() {
      Set<String> placed = placed(), out = new TreeSet<>();
      for (String t : tables) if (district(t) && !placed.contains(t) && !KNOWN_GAPS.contains(t)) out.add(t);
      return out;
    }

    Set<String> closedGaps() {
      Set<String> placed = placed(), out = new TreeSet<>();
      for (String t : KNOWN_GAPS) if (!tables.contains(t) || placed.contains(t)) out.add(t);
      return out;
    }

    /** Both sides district tables, the key not carrying district_code, and listed nowhere. */
    Set<String> unknownForeignKeys() {
      Set<String> out = new TreeSet<>();
      for (Fk fk : fks) {
        if (!district(fk.child()) || !district(fk.parent()) || fk.columns().contains("district_code")) continue;
        if (!WITHIN.contains(fk.name()) && !CROSSING.contains(fk.name())) out.add(fk.name());
      }
      return out;
    }

    Set<String> staleForeignKeys() {
      Set<String> now = new HashSet<>(), out = new TreeSet<>();
      for (Fk fk : fks) now.add(fk.name());
      for (Set<String> listed : List.of(WITHIN, CROSSING)) for (String n : listed) if (!now.contains(n)) out.add(n);
      return out;
    }

    Set<String> referenceToDistrict() {
      Set<String> out = new TreeSet<>();
      for (Fk fk : fks) if (REFERENCE.contains(fk.child()) && district(fk.parent())) out.add(fk.name());
      return out;
    }
  }
}
