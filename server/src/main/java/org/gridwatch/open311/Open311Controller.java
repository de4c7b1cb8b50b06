package org.gridwatch.open311;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.Crs;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Channel;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Intake;
import org.gridwatch.incident.Status;
import org.gridwatch.incident.Submission;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: discovery, services, service definitions, and service requests
 * (POST form-encoded with an {@code api_key}; GET by filters or by id), each in {@code .json} and {@code .xml}.
 * Errors are GeoReport error lists with the matching HTTP status: 400 bad or missing parameter (including a
 * point outside the district), 403 missing or wrong api_key, 404 unknown request, service or jurisdiction.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller extends GeoReportErrors {
  static final int MAX_REQUESTS = 1000;
  static final Duration MAX_WINDOW = Duration.ofDays(90);

  private final Categories categories;
  private final Intake intake;
  private final IncidentSearch search;
  private final Open311Records records;
  private final Open311Keys keys;
  private final ServiceChangeset changeset;

  private final org.gridwatch.address.Geocoder geocoder;

  Open311Controller(Categories categories, Intake intake, IncidentSearch search, Open311Records records, Open311Keys keys,
      ServiceChangeset changeset, org.gridwatch.address.Geocoder geocoder, JsonMapper json) {
    super(json);
    this.geocoder = geocoder;
    this.changeset = changeset;
    this.categories = categories;
    this.intake = intake;
    this.search = search;
    this.records = records;
    this.keys = keys;
  }

  @GetMapping("/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    // No trailing slash: clients append "/services.xml" (and a joined "//" is accepted too, see JoinedPaths).
    String base = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").build().toUriString();
    String changed = records.time(changeset.of(categories.all()));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("changeset", changed);
    d.put("contact", records.commandCentre());
    d.put("key_service", "Ask the command centre for an api_key; demo installations print one at start-up");
    d.put("endpoints", List.of(Map.of("specification", "http://wiki.open311.org/GeoReport_v2", "url", base,
        "changeset", changed, "type", "production", "formats", List.of("application/json", "text/xml"))));
    return Open311Format.body(HttpStatus.OK, kind, json, "discovery", null, d);
  }

  @GetMapping("/services.{format}")
  ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    ResponseEntity<String> bad = jurisdiction(request, kind);
    if (bad != null) return bad;
    List<Map<String, Object>> list = new ArrayList<>();
    for (Category c : categories.all()) {
      if (!c.isActive()) continue;
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("service_code", c.getCode());
      s.put("service_name", c.getName() + " " + c.getNameEn());
      s.put("description", c.getDescription());
      s.put("metadata", false);
      s.put("type", "realtime");
      s.put("keywords", c.getName() + ", " + c.getNameEn().toLowerCase());
      s.put("group", c.getKind() == org.gridwatch.incident.Kind.REQUEST ? "诉求 requests" : "事件 incidents");
      list.add(s);
    }
    return Open311Format.body(HttpStatus.OK, kind, json, "services", "service", list);
  }

  @GetMapping("/services/{code}.{format}")
  ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    ResponseEntity<String> bad = jurisdiction(request, kind);
    if (bad != null) return bad;
    if (categories.find(code).filter(Category::isActive).isEmpty()) {
      return Open311Format.error(HttpStatus.NOT_FOUND, kind, json, "service_code " + code + " not found");
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("service_code", code);
    d.put("attributes", List.of());
    return Open311Format.body(HttpStatus.OK, kind, json, "service_definition", "attribute", d);
  }

  @PostMapping("/requests.{format}")
  ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    if (!keys.valid(request.getParameter("api_key"))) {
      return Open311Format.error(HttpStatus.FORBIDDEN, kind, json, "api_key is missing or not valid");
    }
    ResponseEntity<String> bad = jurisdiction(request, kind);
    if (bad != null) return bad;
    String code = request.getParameter("service_code");
    if (code != null && !code.isBlank() && categories.find(code.strip()).filter(Category::isActive).isEmpty()) {
      return Open311Format.error(HttpStatus.NOT_FOUND, kind, json, "service_code " + code.strip() + " not found; see services." + format);
    }
    try {
      Incident i = intake.submit(Open311Submission.read(request, geocoder), Actor.ANONYMOUS_RESIDENT, null, null).incident();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("service_request_id", i.getPublicId());
      r.put("service_notice", records.notice(i));
      r.put("account_id", null);
      return Open311Format.body(HttpStatus.CREATED, kind, json, "service_requests", "request", List.of(r));
    } catch (ProblemException e) {
      ResponseEntity<String> error = Open311Format.error(e.status(), kind, json, e.getMessage());
      if (e.retryAfterSeconds() == null) return error;
      // intake is full (503): the client is told when to send the request again, as on the native API
      return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(error.getBody());
    }
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    ResponseEntity<String> bad = jurisdiction(request, kind);
    if (bad != null) return bad;
    try {
      IncidentSearch.Criteria criteria;
      String ids = request.getParameter("service_request_id");
      if (ids != null && !ids.isBlank()) {
        criteria = new IncidentSearch.Criteria(Arrays.stream(ids.split(",")).map(String::strip).toList(), null, null, null, null, null);
      } else {
        Instant end = time(request.getParameter("end_date"), "end_date");
        Instant start = time(request.getParameter("start_date"), "start_date");
        if (end == null) end = start == null ? Instant.now() : start.plus(MAX_WINDOW);
        if (start == null) start = end.minus(MAX_WINDOW);
        if (!start.isBefore(end)) throw ProblemException.badInput("start_date", Text.of("open311.start-date-must-before-end"));
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
          throw ProblemException.badInput("start_date", Text.of("open311.window-from-start-date-end"));
        }
        criteria = new IncidentSearch.Criteria(null, codes(request.getParameter("service_code")),
            statuses(request.getParameter("status")), start, end, null);
      }
      int pageSize = bounded(request.getParameter("page_size"), MAX_REQUESTS, "page_size");
      int page = bounded(request.getParameter("page"), Integer.MAX_VALUE, "page");
      long offset = (long) (page - 1) * pageSize;
      if (offset > Integer.MAX_VALUE - pageSize) {
        throw ProblemException.badInput("page", Text.of("open311.page-x-x-requests-lies", page, pageSize));
      }
      List<Map<String, Object>> out = search.list(criteria, (int) offset, pageSize).stream().map(records::record).toList();
      return Open311Format.body(HttpStatus.OK, kind, json, "service_requests", "request", out);
    } catch (ProblemException e) {
      return Open311Format.error(e.status(), kind, json, e.getMessage());
    }
  }

  @GetMapping("/requests/{id}.{format}")
  ResponseEntity<String> one(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
    var kind = Open311Format.of(format);
    ResponseEntity<String> bad = jurisdiction(request, kind);
    if (bad != null) return bad;
    return search.byPublicId(id)
        .map(i -> Open311Format.body(HttpStatus.OK, kind, json, "service_requests", "request", List.of(records.record(i))))
        .orElseGet(() -> Open311Format.error(HttpStatus.NOT_FOUND, kind, json, "service_request_id " + id + " not found"));
  }

  private ResponseEntity<String> jurisdiction(HttpServletRequest request, Open311Format.Kind kind) {
    String j = request.getParameter("jurisdiction_id");
    String ours = records.jurisdiction();
    if (j == null || j.isBlank() || j.equals(ours)) return null;
    return Open311Format.error(HttpStatus.NOT_FOUND, kind, json, "jurisdiction_id " + j + " not found; this server is " + ours);
  }

  private List<String> codes(String text) {
    if (text == null || text.isBlank()) return null;
    List<String> out = new ArrayList<>();
    for (String c : text.split(",")) {
      String code = c.strip();
      if (categories.find(code).isEmpty()) {
        throw ProblemException.notFound("unknown-service", "Unknown service", Text.of("open311.service-code-x-not-found", code));
      }
      out.add(code);
    }
    return out;
  }

  private static List<Status> statuses(String text) {
    if (text == null || text.isBlank()) return null;
    List<Status> out = new ArrayList<>();
    for (String s : text.split(",")) {
      switch (s.strip().toLowerCase()) {
        case "open" -> Arrays.stream(Status.values()).filter(Status::open).forEach(out::add);
        case "closed" -> Arrays.stream(Status.values()).filter(x -> !x.open()).forEach(out::add);
        default -> throw ProblemException.badInput("status", Text.of("open311.status-must-open-or-closed", s));
      }
    }
    return out;
  }

  private static Instant time(String text, String field) {
    if (text == null || text.isBlank()) return null;
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badInput(field, Text.of("open311.x-must-iso-8601-with", field));
    }
  }

  private static int bounded(String text, int max, String field) {
    if (text == null || text.isBlank()) return field.equals("page") ? 1 : max;
    try {
      int n = Integer.parseInt(text.strip());
      if (n < 1) throw ProblemException.badInput(field, Text.of("open311.x-must-at-least-1", field));
      return Math.min(n, max);
    } catch (NumberFormatException e) {
      if (text.strip().matches("\\d{10,}")) throw ProblemException.badInput(field, Text.of("open311.x-too-large", field));
      throw ProblemException.badInput(field, Text.of("open311.x-must-whole-number", field));
    }
  }

  /** Channel and CRS of every Open311 report: WGS84 lat/long from an Open311 client. */
  static final Channel CHANNEL = Channel.OPEN311;
  static final Crs CRS = Crs.WGS84;
}
