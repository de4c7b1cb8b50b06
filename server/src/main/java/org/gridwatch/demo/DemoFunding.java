package org.gridwatch.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The rows the demo's funded projects become, before they are written ({@link DemoProjectRows}): rounds with their
 * criteria, projects with everything that hangs off them. Ids are given at writing time, from the tables' sequences.
 */
final class DemoFunding {
  private DemoFunding() {}

  record Criterion(String code, String name, BigDecimal weight) {}

  /** A funding round; {@code id} is set when written. */
  static final class Round {
    long id;
    final int year;
    final String kind;
    final String title;
    BigDecimal budget = BigDecimal.ZERO;
    final LocalDate needsFrom, callOpens, callCloses, runsFrom, runsTo;
    final List<Criterion> criteria;
    final List<Project> projects = new ArrayList<>();

    Round(int year, String kind, String title, LocalDate needsFrom, LocalDate callOpens, LocalDate callCloses, LocalDate runsFrom,
        LocalDate runsTo, List<Criterion> criteria) {
      this.year = year;
      this.kind = kind;
      this.title = title;
      this.needsFrom = needsFrom;
      this.callOpens = callOpens;
      this.callCloses = callCloses;
      this.runsFrom = runsFrom;
      this.runsTo = runsTo;
      this.criteria = criteria;
    }
  }

  record Area(String code, String level) {}

  /** A tranche of the budget: released on CONTRACT, MIDTERM or FINAL; PENDING, RELEASED or STOPPED. */
  static final class Tranche {
    final int seq;
    final BigDecimal amount;
    final String releasedOn;
    String status = "PENDING";
    boolean reopened;
    Instant changedAt;

    Tranche(int seq, BigDecimal amount, String releasedOn) {
      this.seq = seq;
      this.amount = amount;
      this.releasedOn = releasedOn;
    }
  }

  /** One reviewer's scores by criterion code; total is the weighted sum. */
  record Review(String reviewer, Map<String, BigDecimal> scores, BigDecimal total, String note, Instant at) {}

  record Conflict(String reviewer, String reason, Instant at) {}

  /** A stage's evaluation: the self-report, then the check, then the published result (null while not yet there). */
  static final class Evaluation {
    final String stage;
    final int attempt;
    final String selfReport;
    final int beneficiaries, sessions;
    final BigDecimal satisfaction;
    final String reportedBy;
    final Instant reportedAt;
    String checkMethods, checkNote, checkedBy;
    Instant checkedAt;
    String result, resultNote, publishedBy;
    Instant publishedAt;

    Evaluation(String stage, int attempt, String selfReport, int beneficiaries, int sessions, BigDecimal satisfaction, String reportedBy,
        Instant reportedAt) {
      this.stage = stage;
      this.attempt = attempt;
      this.selfReport = selfReport;
      this.beneficiaries = beneficiaries;
      this.sessions = sessions;
      this.satisfaction = satisfaction;
      this.reportedBy = reportedBy;
      this.reportedAt = reportedAt;
    }
  }

  /** An activity at a point of the service area; persons are keyed hashes (synthetic here), never identities. */
  record Activity(String title, LocalDate heldOn, String place, double lon, double lat, String gridCode, int participants,
      int volunteers, List<String> persons, String recordedBy, Instant recordedAt) {}

  record Event(Instant at, String action, String fromStatus, String toStatus, String actor, String actorRole, String note) {}

  /** A project and all that hangs off it; status, version and dates move with its {@link DemoProjectLife}. */
  static final class Project {
    long id;
    final Round round;
    String title;
    final String summary;
    final long providerId;
    final Long leadSocialWorkerId;
    final String targetGroups;
    final BigDecimal budget;
    final int kpiBeneficiaries, kpiSessions;
    final BigDecimal kpiSatisfaction;
    final MultiPolygon serviceArea;
    final List<String> categories;
    final List<Area> areas;
    final List<Need> needs;
    final String providerActor;
    String status;
    boolean rectificationUsed;
    LocalDate startedOn, endedOn;
    String appliedBy;
    Instant appliedAt, updatedAt;
    int version;
    final List<Tranche> tranches = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    final Map<String, Evaluation> evaluations = new LinkedHashMap<>(); // by stage and attempt, in order
    final List<Activity> activities = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    Project(Round round, String title, String summary, long providerId, Long leadSocialWorkerId, String targetGroups, BigDecimal budget,
        int kpiBeneficiaries, int kpiSessions, BigDecimal kpiSatisfaction, MultiPolygon serviceArea, List<String> categories,
        List<Area> areas, List<Need> needs, String providerActor) {
      this.round = round;
      this.title = title;
      this.summary = summary;
      this.providerId = providerId;
      this.leadSocialWorkerId = leadSocialWorkerId;
      this.targetGroups = targetGroups;
      this.budget = budget;
      this.kpiBeneficiaries = kpiBeneficiaries;
      this.kpiSessions = kpiSessions;
      this.kpiSatisfaction = kpiSatisfaction;
      this.serviceArea = serviceArea;
      this.categories = categories;
      this.areas = areas;
      this.needs = needs;
      this.providerActor = providerActor;
    }
  }

  /** A need recorded by hand (a survey, a council's topic, a visit); id set when written. */
  static final class Need {
    long id;
    final String areaCode, areaLevel, categoryCode, source, description, evidence, recordedBy;
    final int residentsAffected;
    final Instant recordedAt;

    Need(String areaCode, String areaLevel, String categoryCode, String source, String description, String evidence,
        int residentsAffected, String recordedBy, Instant recordedAt) {
      this.areaCode = areaCode;
      this.areaLevel = areaLevel;
      this.categoryCode = categoryCode;
      this.source = source;
      this.description = description;
      this.evidence = evidence;
      this.residentsAffected = residentsAffected;
      this.recordedBy = recordedBy;
      this.recordedAt = recordedAt;
    }
  }
}
