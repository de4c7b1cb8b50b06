package org.gridwatch.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a case is shown. The anonymous view (anyone with its number, and Open311) follows {@link Disclosure}: no
 * words unless the reporter published them, a place rounded to about 100 m. The case view (the reporter with
 * their follow token, and staff lists) adds the exact place, the words and the photos; staff who may read the
 * case also see its channel, original coordinates, history and the actions open to them; the command centre
 * alone sees the reporter's contact details.
 */
final class IncidentViews {
  private IncidentViews() {}

  static Map<String, Object> anonymousView(Incident i, Category c, Instant now) {
    Map<String, Object> m = caseView(i, c, now);
    m.put("location", Map.of("type", "Point", "coordinates",
        List.of(Disclosure.rounded(i.getLocation().getX()), Disclosure.rounded(i.getLocation().getY()))));
    m.put("locationPrecisionM", 100);
    m.put("address", Disclosure.publicAddress(i));
    m.put("description", Disclosure.publicDescription(i));
    m.put("mediaUrls", List.of());
    m.put("publicText", i.isPublicText());
    return m;
  }

  static Map<String, Object> caseView(Incident i, Category c, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.getPublicId());
    m.put("kind", i.getKind().name());
    m.put("category", i.getCategoryCode());
    m.put("categoryName", c == null ? null : c.getName());
    m.put("categoryNameEn", c == null ? null : c.getNameEn());
    m.put("status", i.getStatus().name());
    m.put("priority", i.getPriority().name());
    m.put("location", Map.of("type", "Point", "coordinates", List.of(round(i.getLocation().getX()), round(i.getLocation().getY()))));
    m.put("address", i.getAddress());
    m.put("description", i.getDescription());
    m.put("mediaUrls", mediaUrls(i));
    m.put("gridCode", i.getGridCode());
    m.put("communityCode", i.getCommunityCode());
    m.put("subdistrictCode", i.getSubdistrictCode());
    m.put("level", i.getLevel() == null ? null : i.getLevel().name());
    m.put("unitCode", i.getUnitCode());
    m.put("reportedAt", i.getReportedAt());
    m.put("updatedAt", i.getUpdatedAt());
    m.put("deadline", i.getDeadline());
    m.put("overdue", i.getPausedAt() == null && i.getDeadline() != null && now.isAfter(i.getDeadline()));
    // the consultation pause, visible: since when the clock stands still, and the minutes paused before
    m.put("pausedAt", i.getPausedAt());
    m.put("pausedMinutes", i.getPausedMinutes());
    m.put("settledInGrid", i.getSettledInGrid());
    m.put("closedAt", i.getClosedAt());
    m.put("requestType", i.getRequestType() == null ? null : i.getRequestType().name());
    Light light = Light.of(i, now);
    m.put("light", light == null ? null : light.name());
    m.put("supervised", i.isSupervised());
    m.put("transferredTo", i.getTransferredTo());
    m.put("publicText", i.isPublicText());
    m.put("compound", i.getCompound());
    m.put("property", i.getPropertyOrganisation() == null ? null
        : new PropertyCompany(i.getPropertyOrganisation(), i.getPropertyName(), i.getCompound()));
    return m;
  }

  /** The property company a case was dispatched to first (物业优先), and the compound it serves there. */
  record PropertyCompany(long organisation, String name, String compound) {}

  static Map<String, Object> staffView(Incident i, Category c, Instant now, List<IncidentEvent> history,
      List<Action> allowed, boolean withReporter) {
    Map<String, Object> m = caseView(i, c, now);
    m.put("channel", i.getChannel().name());
    m.put("input", Map.of("lon", i.getInputLon(), "lat", i.getInputLat(), "crs", i.getInputCrs()));
    m.put("boundaryVersion", i.getBoundaryVersion());
    m.put("districtCode", i.getDistrictCode());
    m.put("stageStartedAt", i.getStageStartedAt());
    m.put("warnAt", i.getWarnAt());
    m.put("escalations", i.getEscalations());
    m.put("reopenings", i.getReopenings());
    m.put("breached", i.isBreached());
    m.put("duplicateOf", i.getDuplicateOf());
    m.put("mergedInto", i.getMergedInto());
    m.put("transferReference", i.getTransferReference());
    m.put("version", i.getVersion());
    putHandler(m, i);
    m.put("actions", allowed.stream().map(Action::path).toList());
    List<Map<String, Object>> events = new ArrayList<>();
    for (IncidentEvent e : history) {
      Map<String, Object> ev = new LinkedHashMap<>();
      ev.put("at", e.getAt());
      ev.put("type", e.getType().name());
      ev.put("from", e.getFromStatus() == null ? null : e.getFromStatus().name());
      ev.put("to", e.getToStatus() == null ? null : e.getToStatus().name());
      ev.put("actor", e.getActor());
      ev.put("role", e.getActorRole());
      ev.put("level", e.getLevel() == null ? null : e.getLevel().name());
      ev.put("unitCode", e.getUnitCode());
      ev.put("target", target(e));
      ev.put("note", e.noteText()); // a system note in the reader's language
      ev.put("photoUrl", e.getPhotoUrl());
      ev.put("rating", e.getRating() == null ? null : e.getRating().name());
      events.add(ev);
    }
    m.put("history", events);
    if (withReporter) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", i.getReporterName());
      r.put("phone", i.getReporterPhone());
      r.put("email", i.getReporterEmail());
      r.put("deviceId", i.getReporterDevice());
      r.put("account", i.getReporterAccount());
      m.put("reporter", r);
    }
    return m;
  }

  /**
   * For staff only: the person the case is assigned to and why its handler returned it (退单). Staff names and notes
   * are not shown to reporters or the public.
   */
  static void putHandler(Map<String, Object> m, Incident i) {
    m.put("assignee", i.getAssigneeCode() == null ? null : new Assignee(i.getAssigneeCode(), i.getAssigneeName()));
    m.put("returnReason", i.getReturnReason());
  }

  /** The person a case is assigned to. */
  record Assignee(String person, String name) {}

  /** Whom a hop of the timeline sent the case to: a person or a unit. */
  record Target(String code, String name) {}

  private static Target target(IncidentEvent e) {
    return e.getTargetCode() == null ? null : new Target(e.getTargetCode(), e.getTargetName());
  }

  /** What the category tells the reporter in the answer to a report ({zh, en}), if anything. */
  static java.util.Optional<Map<String, String>> notice(Category c) {
    if (c == null || c.getNotice() == null) return java.util.Optional.empty();
    return java.util.Optional.of(Map.of("zh", c.getNotice(), "en", c.getNoticeEn() == null ? c.getNotice() : c.getNoticeEn()));
  }

  static List<String> mediaUrls(Incident i) {
    return i.getMediaUrls() == null ? List.of() : Arrays.asList(i.getMediaUrls().split("\n"));
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
