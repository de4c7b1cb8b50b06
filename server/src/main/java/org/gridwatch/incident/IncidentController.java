package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/incidents}: report a case (anyone; an {@code Idempotency-Key} makes retries safe), follow it by
 * its id (anyone, no personal data), the staff queue, and the workflow actions
 * ({@code POST /api/v1/incidents/{id}/{action}}).
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {
  private final Intake intake;
  private final Workflow workflow;
  private final IncidentQueue queue;
  private final IncidentMap map;
  private final IncidentRepository incidents;
  private final IncidentEventRepository events;
  private final Categories categories;
  private final Actors actors;
  private final Clock clock;
  private final CaseMedia media;
  private final Satisfaction satisfaction;
  private final UnitNames units;

  IncidentController(Intake intake, Workflow workflow, IncidentQueue queue, IncidentMap map, IncidentRepository incidents,
      IncidentEventRepository events, Categories categories, Actors actors, Clock clock, CaseMedia media,
      Satisfaction satisfaction, UnitNames units) {
    this.satisfaction = satisfaction;
    this.units = units;
    this.intake = intake;
    this.workflow = workflow;
    this.queue = queue;
    this.map = map;
    this.incidents = incidents;
    this.events = events;
    this.categories = categories;
    this.actors = actors;
    this.clock = clock;
    this.media = media;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> report(@jakarta.validation.Valid @RequestBody ReportRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) {
    if (key != null && (key.isBlank() || key.length() > 100)) {
      throw ProblemException.badInput("Idempotency-Key", Text.of("incident.must-1-100-characters"));
    }
    Actor actor = actors.current();
    Submission s = NativeSubmission.read(body, actor);
    String hash = key == null ? null : FollowTokens.hash(body.canonical());
    Intake.Result r;
    try {
      r = intake.submit(s, actor, key, hash);
    } catch (RuntimeException e) {
      // A concurrent call with the same key stored first (unique key) or holds it (lock): answer its case, or 409
      // while it is still under way.
      if (key == null || !org.gridwatch.problem.Conflicts.lostRace(e)) throw e;
      r = intake.replay(key, hash).orElseThrow(() -> Intake.inFlight(key));
    }
    Incident i = r.incident();
    Map<String, Object> view = IncidentViews.caseView(i, categories.find(i.getCategoryCode()).orElse(null), clock.instant());
    view.put("duplicateOf", r.duplicateOf());
    view.put("followToken", r.followToken());
    IncidentViews.notice(categories.find(i.getCategoryCode()).orElse(null)).ifPresent(n -> view.put("notice", n));
    URI location = URI.create(request.getRequestURI() + "/" + i.getPublicId());
    return r.created() ? ResponseEntity.created(location).body(view) : ResponseEntity.ok().location(location).body(view);
  }

  /**
   * One case. Staff who may read it get the staff view; the reporter presenting their follow token (header
   * {@code Follow-Token}, or {@code token} in the query) the case view; anyone else the anonymous view.
   */
  @GetMapping("/{id}")
  Map<String, Object> one(@PathVariable String id, @RequestHeader(name = "Follow-Token", required = false) String header,
      @RequestParam(name = "token", required = false) String param) {
    Incident i = incidents.findByPublicId(id).orElseThrow(() -> ProblemException.notFound("unknown-incident",
        "Unknown case", Text.of("incident.there-no-case-x", id)));
    Actor actor = actors.current();
    Category c = categories.find(i.getCategoryCode()).orElse(null);
    if (actor == Actor.ANONYMOUS_RESIDENT || !Permissions.mayRead(actor, i)) {
      String token = header != null ? header : param;
      if (token == null) return IncidentViews.anonymousView(i, c, clock.instant());
      if (!i.isFollowedWith(token)) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "wrong-follow-token", "Wrong follow token",
            Text.of("incident.this-follow-token-was-not", id),
            List.of(new ProblemException.FieldError(header != null ? "Follow-Token" : "token", Text.of("incident.does-not-match-case"))));
      }
      return reporterView(i, c);
    }
    // A resident signed in as the reporter reads the case as its reporter: the plain steps, no staff accounts.
    if (!CaseAccess.asStaff(actor)) return reporterView(i, c);
    Map<String, Object> view = IncidentViews.staffView(i, c, clock.instant(), events.findByIncidentIdOrderByAtAscIdAsc(i.getId()),
        allowed(i, actor), actor.commandCentre());
    view.put("media", media.of(i.getId(), i.getPublicId(), true));
    return view;
  }

  /**
   * The case as its reporter follows it (with the follow token): the case view, the steps in plain terms with the
   * unit by name, the resolution, the photos (public copies), and the rating or whether it may be given now.
   */
  private Map<String, Object> reporterView(Incident i, Category c) {
    Map<String, Object> view = IncidentViews.caseView(i, c, clock.instant());
    List<IncidentEvent> history = events.findByIncidentIdOrderByAtAscIdAsc(i.getId());
    view.put("unit", units.of(i.getLevel(), i.getUnitCode()));
    view.put("history", ReporterView.steps(history, units));
    view.put("resolution", ReporterView.resolution(history));
    view.put("media", media.of(i.getId(), i.getPublicId(), false));
    var rated = satisfaction.of(i);
    view.put("feedback", rated.map(ReporterView.Rated::of).orElse(null));
    view.put("feedbackOpen", rated.isEmpty() && i.getStatus() == Status.CLOSED);
    view.put("reworkUntil", rated.isEmpty() ? satisfaction.reworkUntil(i) : null);
    return view;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
      @RequestParam(required = false) String level, @RequestParam(required = false) String subdistrict,
      @RequestParam(required = false) String grid, @RequestParam(defaultValue = "50") String limit,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) String requestType,
      @RequestParam(defaultValue = "false") boolean mine) {
    Actor actor = actors.current();
    if (actor == Actor.ANONYMOUS_RESIDENT) throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Login required", Text.of("incident.queue-needs-login"), List.of());
    boolean open = status == null || status.equalsIgnoreCase("open");
    List<Status> statuses = new ArrayList<>();
    if (status != null && !status.equalsIgnoreCase("open") && !status.equalsIgnoreCase("all")) {
      for (String s : status.split(",")) statuses.add(parse(Status.class, s, "status"));
    }
    int n;
    try {
      n = Math.max(1, Math.min(500, Integer.parseInt(limit)));
    } catch (NumberFormatException e) {
      throw ProblemException.badInput("limit", Text.of("incident.x-not-integer", limit));
    }
    IncidentQueue.Filter f = new IncidentQueue.Filter(statuses, open && statuses.isEmpty() && !"all".equalsIgnoreCase(status),
        category, level == null ? null : parse(Level.class, level, "level"), subdistrict, grid,
        requestType == null ? null : parse(RequestType.class, requestType, "requestType"));
    IncidentQueue.Page page = queue.page(f, actor, n, cursor, mine);
    var now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Incident i : page.items()) {
      List<String> actions = allowed(i, actor).stream().map(Action::path).toList();
      if (mine && actions.isEmpty()) continue;
      Map<String, Object> item = IncidentViews.caseView(i, categories.find(i.getCategoryCode()).orElse(null), now);
      IncidentViews.putHandler(item, i);
      item.put("actions", actions);
      items.add(item);
    }
    return Map.of("items", items, "next", page.next() == null ? "" : page.next());
  }

  /** The actions the actor may take on the case now. */
  private List<Action> allowed(Incident i, Actor actor) {
    return Arrays.stream(Action.values())
        .filter(a -> a.allowedFrom(i.getStatus()) && workflow.refusal(a, actor, i).isEmpty()).toList();
  }

  /** Open cases for the map: per-grid counts below zoom 15, points in the box from zoom 15 on. */
  @GetMapping("/map")
  Map<String, Object> map(@RequestParam(defaultValue = "12") int zoom, @RequestParam(required = false) String bbox,
      @RequestParam(required = false) String category) {
    Actor actor = actors.current();
    if (actor == Actor.ANONYMOUS_RESIDENT) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Login required", Text.of("incident.case-map-needs-login"), List.of());
    }
    if (actor.has(org.gridwatch.security.Role.RESIDENT) && actor.roles().size() == 1) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("incident.case-map-for-staff"), List.of());
    }
    if (category != null && categories.find(category).isEmpty()) throw ProblemException.badInput("category", Text.of("incident.unknown-category-x", category));
    if (zoom < IncidentMap.POINT_ZOOM || bbox == null) return Map.of("mode", "grids", "grids", map.perGrid(category));
    String[] p = bbox.split(",");
    if (p.length != 4) throw ProblemException.badInput("bbox", Text.of("incident.needs-west-south-east-north"));
    double[] v = new double[4];
    for (int k = 0; k < 4; k++) {
      try {
        v[k] = Double.parseDouble(p[k]);
      } catch (NumberFormatException e) {
        throw ProblemException.badInput("bbox", Text.of("incident.x-not-number", p[k]));
      }
      if (!Double.isFinite(v[k])) throw ProblemException.badInput("bbox", Text.of("incident.numbers-must-finite"));
    }
    return Map.of("mode", "points", "points", map.points(v[0], v[1], v[2], v[3], category), "max", IncidentMap.MAX_POINTS);
  }

  /**
   * A workflow action; the body ({@link ActionRequest}) is optional, but when sent it must be a JSON object. An
   * {@code Idempotency-Key} makes a resend (a phone that lost the answer) answer the case without acting twice.
   */
  @PostMapping("/{id}/{action}")
  Map<String, Object> act(@PathVariable String id, @PathVariable String action,
      @jakarta.validation.Valid @RequestBody(required = false) ActionRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    if (key != null && (key.isBlank() || key.length() > 100)) {
      throw ProblemException.badInput("Idempotency-Key", Text.of("incident.must-1-100-characters"));
    }
    Action a = Action.ofPath(action).orElseThrow(() -> ProblemException.notFound("unknown-action", "Unknown action",
        Text.of("incident.x-not-action-use-one", action, Arrays.stream(Action.values()).map(Action::path).toList())));
    Workflow.Input input = (body == null ? ActionRequest.EMPTY : body).input();
    if (input.photoUrl() != null && !Submission.isWebUrl(input.photoUrl())) {
      throw ProblemException.badInput("photoUrl", Text.of("incident.must-http-or-https-url-2"));
    }
    Actor actor = actors.current();
    try {
      workflow.act(id, a, input, actor, key);
    } catch (RuntimeException e) {
      // Two resends at once: the one that lost the race to the case's version finds the other's action taken.
      if (key == null || !workflow.alreadyTaken(id, a, actor, key)) throw e;
    }
    return one(id, null, null);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput(field, Text.of("incident.x-not-one-x", value, Arrays.toString(type.getEnumConstants())));
    }
  }
}
