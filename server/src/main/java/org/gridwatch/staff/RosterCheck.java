package org.gridwatch.staff;

import org.gridwatch.staff.file.RosterColumn;
import org.gridwatch.staff.file.RosterTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.staff.file.RosterTable.Row;

/**
 * Checks every row of a roster file before anything is stored: the role, the grid (a grid of the current hierarchy)
 * or unit, the person's code, name and phone, the team, the date; then the rows against each other and the stored
 * roster: one code is one person (the same name everywhere, and the name already stored), a person holds a role in a
 * grid once, a team code is one team of one kind. Each problem names its row, 0-based ({@code rows[3].phone}), and
 * says where the user sees it ("spreadsheet row 5").
 */
final class RosterCheck {
  /** The rows that passed, the problems of the others, and how many rows were refused. */
  record Checked(List<RosterLine> lines, List<FieldError> errors, int refused) {}

  /** What the rows are checked against. */
  record Context(AreaCatalog.Snapshot areas, Map<String, Person> people, Map<String, Team> teams, Set<String> departments,
      ZoneId zone, Instant now, boolean chinese) {}

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,20}");
  private static final Pattern TEAM_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,24}");
  // A mainland mobile number, or a landline with its area code (0532-12345678, extension allowed).
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final Map<String, Duty> UNIT_ROLES = unitRoles();

  private final Context context;
  private final Map<Integer, List<FieldError>> errors = new HashMap<>();

  private RosterCheck(Context context) { this.context = context; }

  static Checked check(RosterTable table, Context context) {
    RosterCheck c = new RosterCheck(context);
    List<RosterLine> lines = new ArrayList<>();
    for (Row row : table.rows()) c.line(row).ifPresent(lines::add);
    List<RosterLine> passed = c.acrossRows(lines, table);
    List<FieldError> all = new ArrayList<>();
    new TreeSet<>(c.errors.keySet()).forEach(i -> all.addAll(c.errors.get(i)));
    return new Checked(passed, all, c.errors.size());
  }

  /** The role names a file may use, for the error that lists them. */
  static String roleNames() {
    List<String> names = new ArrayList<>();
    for (RoleType r : RoleType.values()) names.add(r.zh() + " " + r.name());
    names.addAll(List.of("社区工作人员 COMMUNITY_STAFF", "街道工作人员 SUBDISTRICT_STAFF", "部门工作人员 DEPARTMENT_STAFF"));
    return String.join(", ", names);
  }

  private Optional<RosterLine> line(Row row) {
    String roleText = row.get(RosterColumn.ROLE).orElse(null);
    RoleType role = RoleType.parse(roleText).orElse(null);
    Duty unitDuty = role == null && roleText != null ? UNIT_ROLES.get(roleText.strip().toUpperCase(java.util.Locale.ROOT)) : null;
    if (roleText == null) refuse(row, RosterColumn.ROLE, "is required: one of " + roleNames(), "为必填项，可选：" + roleNames());
    else if (role == null && unitDuty == null) refuse(row, RosterColumn.ROLE, "unknown role '" + roleText + "': one of " + roleNames(), "未知角色“" + roleText + "”，可选：" + roleNames());

    String grid = row.get(RosterColumn.GRID).orElse(null), unit = row.get(RosterColumn.UNIT).orElse(null);
    if (role != null) {
      if (grid == null) refuse(row, RosterColumn.GRID, "is required for the role " + role.en() + " (a 15-digit grid code)", role.zh() + "须填写网格编码（15 位）");
      else if (!isGrid(grid)) refuse(row, RosterColumn.GRID, "there is no grid with code '" + grid + "' in the current hierarchy", "当前区划中没有编码为“" + grid + "”的网格");
    } else if (unitDuty != null) {
      if (unit == null) refuse(row, RosterColumn.UNIT, "is required for the role " + roleText + " (the code of the unit)", roleText + "须填写单位编码");
      else if (!unitFits(unitDuty, unit)) refuse(row, RosterColumn.UNIT, "there is no " + unitKind(unitDuty, false) + " with code '" + unit + "'", "没有编码为“" + unit + "”的" + unitKind(unitDuty, true));
    }

    String code = row.get(RosterColumn.CODE).orElse(null), name = row.get(RosterColumn.NAME).orElse(null);
    String team = row.get(RosterColumn.TEAM).orElse(null);
    boolean teamAlone = role != null && role.isTeam() && code == null && name == null;
    if (!teamAlone) {
      if (code == null) refuse(row, RosterColumn.CODE, "is required (the person's staff code)", "为必填项（人员编号）");
      else if (!CODE.matcher(code).matches()) refuse(row, RosterColumn.CODE, "must be 1 to 20 letters, digits, '.', '_' or '-'", "须为 1 至 20 个字母、数字或“.”“_”“-”");
      if (name == null) refuse(row, RosterColumn.NAME, "is required", "为必填项");
      else if (name.length() > 60) refuse(row, RosterColumn.NAME, "is longer than 60 characters", "超过 60 个字符");
    }
    String phone = row.get(RosterColumn.PHONE).map(RosterCheck::phone).orElse(null);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      refuse(row, RosterColumn.PHONE, "is not a phone number (a mobile 1xxxxxxxxxx or a landline 0xxx-xxxxxxxx)",
          "不是电话号码（手机 1xxxxxxxxxx 或固话 0xxx-xxxxxxxx）");
    }
    if (role != null && role.isTeam()) {
      if (team == null) refuse(row, RosterColumn.TEAM, "is required for the role " + role.en() + " (the team's code)", role.zh() + "须填写队伍编号");
      else if (!TEAM_CODE.matcher(team).matches()) refuse(row, RosterColumn.TEAM, "must be 1 to 24 letters, digits, '.', '_' or '-'", "须为 1 至 24 个字母、数字或“.”“_”“-”");
    } else if (team != null) {
      refuse(row, RosterColumn.TEAM, "only a patrol team or volunteer team row names a team", "只有巡防队或志愿服务队的行填写队伍");
    }
    String teamName = row.get(RosterColumn.TEAM_NAME).orElse(null);
    if (teamName != null && teamName.length() > 80) refuse(row, RosterColumn.TEAM_NAME, "is longer than 80 characters", "超过 80 个字符");
    Instant from = row.get(RosterColumn.VALID_FROM).map(text -> date(row, text)).orElse(null);
    if (errors.containsKey(row.index())) return Optional.empty();
    return Optional.of(new RosterLine(row.index(), role, unitDuty, role != null ? grid : null, role == null ? unit : null,
        teamAlone ? null : code, teamAlone ? null : name, phone, team, teamName, from));
  }

  /** One code is one person, one holding is listed once, one team code is one team of one kind. */
  private List<RosterLine> acrossRows(List<RosterLine> lines, RosterTable table) {
    Map<String, RosterLine> firstByCode = new HashMap<>(), firstByHolding = new HashMap<>(), firstByTeam = new HashMap<>();
    Map<String, RosterLine> unitByCode = new HashMap<>();
    for (RosterLine l : lines) {
      Row row = table.rows().get(l.index());
      if (l.hasPerson()) {
        RosterLine first = firstByCode.putIfAbsent(l.code(), l);
        Person stored = context.people().get(l.code());
        if (first != null && !first.name().equals(l.name())) {
          refuse(row, RosterColumn.NAME, "person " + l.code() + " is named '" + first.name() + "' in rows[" + first.index() + "]: one code is one person",
              "人员 " + l.code() + " 在 rows[" + first.index() + "] 中名为“" + first.name() + "”：一个编号只对应一人");
        } else if (first == null && stored != null && !stored.getName().equals(l.name())) {
          refuse(row, RosterColumn.NAME, "code " + l.code() + " already belongs to '" + stored.getName() + "' in the roster: one code is one person",
              "编号 " + l.code() + " 在名册中已属于“" + stored.getName() + "”：一个编号只对应一人");
        }
        if (first != null && first.phone() != null && l.phone() != null && !first.phone().equals(l.phone())) {
          refuse(row, RosterColumn.PHONE, "person " + l.code() + " has another phone number in rows[" + first.index() + "]",
              "人员 " + l.code() + " 在 rows[" + first.index() + "] 中的电话号码不同");
        }
        if (!l.inGrid()) {
          RosterLine other = unitByCode.putIfAbsent(l.code(), l);
          if (other != null && !(other.unit().equals(l.unit()) && other.unitDuty() == l.unitDuty())) {
            refuse(row, RosterColumn.UNIT, "person " + l.code() + " already works for " + other.unit() + " in rows[" + other.index() + "]",
                "人员 " + l.code() + " 在 rows[" + other.index() + "] 中已属于单位 " + other.unit());
          }
        }
      }
      RosterLine twice = firstByHolding.putIfAbsent(l.inGrid() ? l.holdingKey() : "unit|" + l.code() + "|" + l.unit(), l);
      if (twice != null) {
        refuse(row, l.hasPerson() ? RosterColumn.CODE : RosterColumn.TEAM, "the same " + (l.hasPerson() ? "person" : "team")
            + " already holds this role" + (l.inGrid() ? " (" + l.role().en() + ") in grid " + l.grid() : "") + " in rows[" + twice.index() + "]",
            (l.hasPerson() ? "同一人员" : "同一队伍") + "已在 rows[" + twice.index() + "] 中担任此角色" + (l.inGrid() ? "（网格 " + l.grid() + "，" + l.role().zh() + "）" : ""));
      }
      if (l.team() != null) checkTeam(l, row, firstByTeam);
    }
    return lines.stream().filter(l -> !errors.containsKey(l.index())).toList();
  }

  private void checkTeam(RosterLine l, Row row, Map<String, RosterLine> firstByTeam) {
    Team.Kind kind = l.role() == RoleType.PATROL_TEAM ? Team.Kind.PATROL : Team.Kind.VOLUNTEER;
    RosterLine first = firstByTeam.putIfAbsent(l.team(), l);
    Team stored = context.teams().get(l.team());
    if (first != null && first.role() != l.role()) {
      refuse(row, RosterColumn.TEAM, "team " + l.team() + " is a " + first.role().en() + " in rows[" + first.index() + "]",
          "队伍 " + l.team() + " 在 rows[" + first.index() + "] 中是" + first.role().zh());
    } else if (stored != null && stored.getKind() != kind) {
      RoleType storedAs = stored.getKind() == Team.Kind.PATROL ? RoleType.PATROL_TEAM : RoleType.VOLUNTEER_TEAM;
      refuse(row, RosterColumn.TEAM, "team " + l.team() + " is already a " + storedAs.en(), "队伍 " + l.team() + " 已是" + storedAs.zh());
    } else if (first != null && first.teamName() != null && l.teamName() != null && !first.teamName().equals(l.teamName())) {
      refuse(row, RosterColumn.TEAM_NAME, "team " + l.team() + " is named '" + first.teamName() + "' in rows[" + first.index() + "]",
          "队伍 " + l.team() + " 在 rows[" + first.index() + "] 中名为“" + first.teamName() + "”");
    } else if (stored == null && l.teamName() == null && (first == null || first.teamName() == null)) {
      refuse(row, RosterColumn.TEAM_NAME, "is required for a new team (" + l.team() + ")", "新队伍（" + l.team() + "）须填写队伍名称");
    }
  }

  private Instant date(Row row, String text) {
    LocalDate d;
    try {
      d = text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      refuse(row, RosterColumn.VALID_FROM, "is not a date (yyyy-mm-dd)", "不是日期（yyyy-mm-dd）");
      return null;
    }
    Instant at = d.atStartOfDay(context.zone()).toInstant();
    if (at.isAfter(context.now())) {
      refuse(row, RosterColumn.VALID_FROM, "lies in the future; import a role once it has begun", "是将来的日期；请在任职开始后再导入");
      return null;
    }
    return at;
  }

  private boolean isGrid(String code) { return level(code, l -> l == AreaLevel.GRID); }

  private boolean unitFits(Duty duty, String code) {
    return switch (duty) {
      case COMMUNITY_STAFF -> level(code, l -> l == AreaLevel.COMMUNITY);
      case SUBDISTRICT_STAFF -> level(code, l -> l == AreaLevel.SUBDISTRICT);
      case DEPARTMENT_STAFF -> context.departments().contains(code);
      default -> false;
    };
  }

  private boolean level(String code, Predicate<AreaLevel> level) {
    return context.areas().find(code).filter(a -> level.test(a.level())).isPresent();
  }

  private static String unitKind(Duty duty, boolean zh) {
    return switch (duty) {
      case COMMUNITY_STAFF -> zh ? "社区" : "community";
      case SUBDISTRICT_STAFF -> zh ? "街道" : "subdistrict";
      default -> zh ? "部门" : "department";
    };
  }

  /** Spaces and a +86 prefix are how people write numbers; they are not part of them. */
  private static String phone(String text) {
    String p = text.replaceAll("[\\s\u00a0]", "");
    if (p.startsWith("+86")) p = p.substring(3);
    return p.isEmpty() ? null : p;
  }

  /** The reason in the reader's language, with where the user finds the row. */
  private void refuse(Row row, RosterColumn column, String en, String zh) {
    String reason = context.chinese() ? zh + "（" + row.place(true) + "）" : en + " (" + row.place(false) + ")";
    errors.computeIfAbsent(row.index(), i -> new ArrayList<>()).add(new FieldError(row.field(column), reason));
  }

  private static Map<String, Duty> unitRoles() {
    Map<String, Duty> m = new HashMap<>();
    for (Duty d : Arrays.asList(Duty.COMMUNITY_STAFF, Duty.SUBDISTRICT_STAFF, Duty.DEPARTMENT_STAFF)) m.put(d.name(), d);
    m.put("社区工作人员", Duty.COMMUNITY_STAFF);
    m.put("街道工作人员", Duty.SUBDISTRICT_STAFF);
    m.put("部门工作人员", Duty.DEPARTMENT_STAFF);
    m.put("COMMUNITY STAFF", Duty.COMMUNITY_STAFF);
    m.put("SUBDISTRICT STAFF", Duty.SUBDISTRICT_STAFF);
    m.put("DEPARTMENT STAFF", Duty.DEPARTMENT_STAFF);
    return Map.copyOf(m);
  }
}
