package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.util.ArrayList;
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
    m.put("propertyFirst", c.isPropertyFirst());
    m.put("propertyTimeLimitHours", c.getPropertyTimeLimitHours());
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
  public Map<String, Object> put(@PathVariable String code, @Valid @RequestBody CategoryRequest body) {
    if (!actors.current().has(Role.ADMIN)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("incident.only-admin-edits-categories"), List.of());
    }
    if (!code.matches("[A-Z][A-Z0-9_]{1,29}")) throw ProblemException.badInput("code", Text.of("incident.use-2-30-capital-letters"));
    List<FieldError> errors = new ArrayList<>(body.unitErrors());
    if (roster.department(body.department().strip()).isEmpty()) {
      errors.add(new FieldError("department", Text.of("incident.unknown-department-x", body.department().strip())));
    }
    if (body.firstLevel() == Level.PROPERTY) {
      errors.add(new FieldError("firstLevel", Text.of("incident.property-not-first-level")));
    }
    Category existing = repository.findById(code).orElse(null);
    boolean propertyFirst = body.propertyFirst() != null ? body.propertyFirst() : existing != null && existing.isPropertyFirst();
    Integer propertyHours = body.propertyTimeLimitHours() != null ? body.propertyTimeLimitHours()
        : existing == null ? null : existing.getPropertyTimeLimitHours();
    if (propertyFirst && propertyHours == null) {
      errors.add(new FieldError("propertyTimeLimitHours", Text.of("incident.property-first-needs-limit")));
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    String name = body.name().strip(), nameEn = body.nameEn().strip(), description = body.description().strip();
    String department = body.department().strip();
    Map<Stage, TimeLimit> limits = body.timeLimits();
    Category c = existing;
    if (c == null) {
      c = repository.save(new Category(code, name, nameEn, description, body.kind(), body.defaultPriority(), body.firstLevel(),
          department, limits));
    } else {
      c.update(name, nameEn, description, body.kind(), body.defaultPriority(), body.firstLevel(), department, limits);
    }
    c.setActive(body.active() == null || body.active());
    if (body.escalationPolicy() != null) c.setEscalationPolicy(body.escalationPolicy());
    c.setPropertyFirst(propertyFirst, propertyHours);
    if (body.notice() != null || body.noticeEn() != null) {
      c.setNotice(body.notice() != null ? CategoryRequest.strip(body.notice()) : c.getNotice(),
          body.noticeEn() != null ? CategoryRequest.strip(body.noticeEn()) : c.getNoticeEn());
    }
    repository.flush();
    categories.reload();
    return view(c);
  }
}
