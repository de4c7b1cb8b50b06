package org.gridwatch.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.util.EnumMap;
import java.util.Map;

/** A case category: names, defaults, the level that handles it first, and a time limit per stage. */
@Entity
@Table(name = "category")
public class Category {
  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String nameEn;

  @Column(nullable = false)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority defaultPriority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Level firstLevel;

  @Column(nullable = false)
  private String departmentCode;

  private boolean active;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EscalationPolicy escalationPolicy = EscalationPolicy.ESCALATE;

  /**
   * Property company first (物业优先): a case placed inside a compound a property company serves goes to that company
   * first, with {@link #propertyTimeLimitHours} working hours to act before the grid takes it.
   */
  private boolean propertyFirst;
  private Integer propertyTimeLimitHours;

  /** Told to the reporter in the answer to a report (e.g. "call 110 for a crime in progress"); may be null. */
  private String notice;
  private String noticeEn;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "category_time_limit", joinColumns = @JoinColumn(name = "category_code"))
  @MapKeyColumn(name = "stage")
  @MapKeyEnumerated(EnumType.STRING)
  private Map<Stage, TimeLimit> limits = new EnumMap<>(Stage.class);

  protected Category() {}

  Category(String code, String name, String nameEn, String description, Kind kind, Priority defaultPriority,
      Level firstLevel, String departmentCode, Map<Stage, TimeLimit> limits) {
    this.code = code;
    this.active = true;
    update(name, nameEn, description, kind, defaultPriority, firstLevel, departmentCode, limits);
  }

  void update(String name, String nameEn, String description, Kind kind, Priority defaultPriority, Level firstLevel,
      String departmentCode, Map<Stage, TimeLimit> limits) {
    this.name = name;
    this.nameEn = nameEn;
    this.description = description;
    this.kind = kind;
    this.defaultPriority = defaultPriority;
    this.firstLevel = firstLevel;
    this.departmentCode = departmentCode;
    this.limits.clear();
    this.limits.putAll(limits);
  }

  void setActive(boolean active) { this.active = active; }
  void setEscalationPolicy(EscalationPolicy policy) { this.escalationPolicy = policy; }
  void setNotice(String notice, String noticeEn) { this.notice = notice; this.noticeEn = noticeEn; }
  void setPropertyFirst(boolean propertyFirst, Integer hours) { this.propertyFirst = propertyFirst; this.propertyTimeLimitHours = hours; }

  public String getCode() { return code; }
  public String getName() { return name; }
  public String getNameEn() { return nameEn; }
  public String getDescription() { return description; }
  public Kind getKind() { return kind; }
  public Priority getDefaultPriority() { return defaultPriority; }
  public Level getFirstLevel() { return firstLevel; }
  public String getDepartmentCode() { return departmentCode; }
  public boolean isActive() { return active; }
  public EscalationPolicy getEscalationPolicy() { return escalationPolicy; }
  public String getNotice() { return notice; }
  public String getNoticeEn() { return noticeEn; }
  public boolean isPropertyFirst() { return propertyFirst; }
  public Integer getPropertyTimeLimitHours() { return propertyTimeLimitHours; }

  /** The property company's time limit, in working hours; the handling limit when none is set. */
  public TimeLimit propertyLimit() {
    return propertyTimeLimitHours == null ? limit(Stage.HANDLE) : new TimeLimit(propertyTimeLimitHours, TimeLimit.Unit.WORKING_HOURS);
  }
  public Map<Stage, TimeLimit> getLimits() { return Map.copyOf(limits); }
  public TimeLimit limit(Stage stage) { return limits.get(stage); }
}
