package org.gridwatch.incident;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/categories}: the taxonomy for everyone; ADMIN creates and edits categories with PUT. */
@RestController
class CategoryController {
  private final Categories categories;
  private final CategoryRepository repository;
  private final Roster roster;
  private final Actors actors;

  CategoryController(Categories categories, CategoryRepository repository, Roster roster, Actors actors) {
    this.categories = categories;
    this.repository = repository;
    this.roster = roster;
    this.actors = actors;
  }

  @GetMapping("/api/v1/categories")
  List<Map<String, Object>> all() { return categories.all().stream().filter(Category::isActive).map(CategoryController::view).toList(); }

  static Map<String, Object> view(Category c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.getCode());
    m.put("name", c.getName());
    m.put("nameEn", c.getNameEn());
    m.put("description", c.getDescription());
    m.put("kind", c.getKind().name());
    m.put("defaultPriority", c.getDefaultPriority().name());
    m.put("firstLevel", c.getFirstLevel().name());
    m.put("department", c.getDepartmentCode());
    m.put("active", c.isActive());
    m.put("escalationPolicy", c.getEscalationPolicy().name());
    m.put("notice", c.getNotice());
    m.put("noticeEn", c.getNoticeEn());
    Map<String, Object> limits = new LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      TimeLimit t = c.limit(s);
      if (t != null) limits.put(s.name(), Map.of("amount", t.amount(), "unit", t.unit().name()));
    }
    m.put("limits", limits);
    return m;
  }

  @PutMapping("/api/v1/categories/{code}")
  @Transactional
  public Map<String, Object> put(@PathVariable String code, @RequestBody JsonNode body) {
    if (!actors.current().has(Role.ADMIN)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "only ADMIN edits categories", List.of());
    }
    if (!code.matches("[A-Z][A-Z0-9_]{1,29}")) throw ProblemException.badInput("code", "use 2–30 capital letters, digits and _");
    List<FieldError> errors = new ArrayList<>();
    String name = required(body, "name", 40, errors), nameEn = required(body, "nameEn", 60, errors);
    String description = required(body, "description", 400, errors);
    Kind kind = choice(body, "kind", Kind.class, errors);
    Priority priority = choice(body, "defaultPriority", Priority.class, errors);
    Level level = choice(body, "firstLevel", Level.class, errors);
    String department = required(body, "department", 20, errors);
    if (department != null && roster.department(department).isEmpty()) errors.add(new FieldError("department", "unknown department " + department));
    EscalationPolicy policy = body.has("escalationPolicy") ? choice(body, "escalationPolicy", EscalationPolicy.class, errors) : null;
    String notice = optional(body, "notice", 200, errors), noticeEn = optional(body, "noticeEn", 300, errors);
    Map<Stage, TimeLimit> limits = new EnumMap<>(Stage.class);
    JsonNode l = body.get("limits");
    for (Stage s : Stage.values()) {
      JsonNode n = l == null ? null : l.get(s.name());
      String f = "limits." + s.name();
      if (n == null || !n.isObject() || !n.path("amount").isInt() || n.path("amount").asInt() <= 0) {
        errors.add(new FieldError(f, "needs {amount: positive integer, unit}"));
        continue;
      }
      try {
        limits.put(s, new TimeLimit(n.get("amount").asInt(), TimeLimit.Unit.valueOf(n.path("unit").asString(""))));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(f + ".unit", "one of " + java.util.Arrays.toString(TimeLimit.Unit.values())));
      }
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    Category c = repository.findById(code).orElse(null);
    if (c == null) c = repository.save(new Category(code, name, nameEn, description, kind, priority, level, department, limits));
    else c.update(name, nameEn, description, kind, priority, level, department, limits);
    c.setActive(!body.has("active") || body.get("active").asBoolean(true));
    if (policy != null) c.setEscalationPolicy(policy);
    if (body.has("notice") || body.has("noticeEn")) c.setNotice(notice, noticeEn);
    repository.flush();
    categories.reload();
    return view(c);
  }

  private static String required(JsonNode body, String field, int max, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || !n.isString() || n.asString().isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (n.asString().length() > max) errors.add(new FieldError(field, "at most " + max + " characters"));
    return n.asString().strip();
  }

  private static String optional(JsonNode body, String field, int max, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isString()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    if (n.asString().length() > max) errors.add(new FieldError(field, "at most " + max + " characters"));
    return n.asString().isBlank() ? null : n.asString().strip();
  }

  private static <E extends Enum<E>> E choice(JsonNode body, String field, Class<E> type, List<FieldError> errors) {
    String v = required(body, field, 30, errors);
    if (v == null) return null;
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }
}
