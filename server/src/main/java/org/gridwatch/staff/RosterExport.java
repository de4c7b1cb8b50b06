package org.gridwatch.staff;

import org.gridwatch.staff.file.RosterColumn;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.DistrictProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current roster as the rows {@link RosterImport} reads: one row per role held in a grid (by grid, role, person),
 * then one row per member of a unit's staff who holds no grid role. Importing the export changes nothing. It holds
 * phone numbers: for ADMIN only.
 */
@Service
class RosterExport {
  private final GridAssignmentRepository assignments;
  private final PersonRepository persons;
  private final DistrictProfile district;

  RosterExport(GridAssignmentRepository assignments, PersonRepository persons, DistrictProfile district) {
    this.assignments = assignments;
    this.persons = persons;
    this.district = district;
  }

  /** The header row first, then the rows, every cell as text. */
  @Transactional(readOnly = true)
  List<List<String>> lines() {
    ZoneId zone = district.timeZone();
    List<List<String>> out = new ArrayList<>();
    out.add(Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList());
    Set<String> inGrids = new HashSet<>();
    List<GridAssignment> current = new ArrayList<>(assignments.findCurrent());
    current.sort(Comparator.comparing(GridAssignment::getGridCode).thenComparing(GridAssignment::getRole)
        .thenComparing(a -> a.getPerson() == null ? "" : a.getPerson().getCode()));
    for (GridAssignment a : current) {
      Person p = a.getPerson();
      Team t = a.getTeam();
      if (p != null) inGrids.add(p.getCode());
      out.add(List.of(p == null ? "" : p.getCode(), p == null ? "" : p.getName(), p == null || p.getPhone() == null ? "" : p.getPhone(),
          a.getRole().zh(), a.getGridCode(), "", t == null ? "" : t.getCode(), t == null ? "" : t.getName(),
          a.getValidFrom().atZone(zone).toLocalDate().toString()));
    }
    persons.findAll().stream().filter(p -> !inGrids.contains(p.getCode()) && unitDuty(p.getDuty()) != null)
        .sorted(Comparator.comparing(Person::getCode))
        .forEach(p -> out.add(List.of(p.getCode(), p.getName(), p.getPhone() == null ? "" : p.getPhone(), unitDuty(p.getDuty()),
            "", p.getUnitCode(), "", "", "")));
    return out;
  }

  private static String unitDuty(Duty duty) {
    return switch (duty) {
      case COMMUNITY_STAFF -> "社区工作人员";
      case SUBDISTRICT_STAFF -> "街道工作人员";
      case DEPARTMENT_STAFF -> "部门工作人员";
      default -> null;
    };
  }
}
