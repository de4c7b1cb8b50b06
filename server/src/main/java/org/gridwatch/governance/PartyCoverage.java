package org.gridwatch.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.governance.GovernanceAnswers.BodyRef;
import org.gridwatch.governance.GovernanceAnswers.CommunityCoverage;
import org.gridwatch.governance.GovernanceAnswers.GridBranch;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party organisation coverage today (社区党委 → 网格党支部 → 楼院党小组): per community its committee, the branch of each
 * grid (a branch serving the grid), groups, party members registered with the community's organisations and 双报到
 * members reporting to it; per grid the party members living there. Active bodies only.
 */
@Service
public class PartyCoverage {
  private final Bodies bodies;
  private final AreaCatalog areas;
  private final JdbcTemplate jdbc;
  private final DistrictProfile district;
  private final Clock clock;

  PartyCoverage(Bodies bodies, AreaCatalog areas, JdbcTemplate jdbc, DistrictProfile district, Clock clock) {
    this.bodies = bodies;
    this.areas = areas;
    this.jdbc = jdbc;
    this.district = district;
    this.clock = clock;
  }

  /** Every community (or the one named: 404 if unknown), in code order. */
  @Transactional(readOnly = true)
  public List<CommunityCoverage> communities(String community) {
    AreaCatalog.Snapshot s = areas.now();
    List<AreaView> chosen = community == null ? s.level(AreaLevel.COMMUNITY)
        : List.of(s.find(community).filter(a -> a.level() == AreaLevel.COMMUNITY).orElseThrow(() -> ProblemException.badInput(
            "community", Text.of("governance.unknown-community", community))));
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    Map<String, BodyRef> committees = new HashMap<>();
    Map<String, BodyRef> branchOfGrid = new HashMap<>();
    Map<String, int[]> bodiesPerCommunity = new HashMap<>(); // [branches, groups]
    for (BodyView b : bodies.where(community, null, null, today)) {
      if (b.kind() == BodyKind.PARTY_COMMITTEE) committees.putIfAbsent(b.communityCode(), BodyReads.ref(b));
      if (b.kind() == BodyKind.PARTY_BRANCH) {
        bodiesPerCommunity.computeIfAbsent(b.communityCode(), k -> new int[2])[0]++;
        if (b.areaKind() == BodyArea.GRID) branchOfGrid.putIfAbsent(b.areaCode(), BodyReads.ref(b));
      }
      if (b.kind() == BodyKind.PARTY_GROUP) bodiesPerCommunity.computeIfAbsent(b.communityCode(), k -> new int[2])[1]++;
    }
    Map<String, Integer> registered = counts("SELECT b.community_code, COUNT(*) FROM party_member p JOIN body b ON b.id = p.body_id"
        + " GROUP BY b.community_code");
    Map<String, Integer> dual = counts("SELECT home_community_code, COUNT(*) FROM party_member WHERE dual_report = TRUE"
        + " GROUP BY home_community_code");
    Map<String, int[]> living = livingPerGrid();
    List<CommunityCoverage> out = new ArrayList<>();
    for (AreaView c : chosen) {
      List<GridBranch> grids = new ArrayList<>();
      List<String> without = new ArrayList<>();
      for (AreaView g : s.children(c.code())) {
        if (g.level() != AreaLevel.GRID) continue;
        int[] l = living.getOrDefault(g.code(), new int[2]);
        BodyRef branch = branchOfGrid.get(g.code());
        grids.add(new GridBranch(g.code(), g.name(), branch, l[0], l[1]));
        if (branch == null) without.add(g.code());
      }
      int[] n = bodiesPerCommunity.getOrDefault(c.code(), new int[2]);
      out.add(new CommunityCoverage(c.code(), c.name(), c.nameEn(), committees.get(c.code()), grids, n[0], n[1],
          registered.getOrDefault(c.code(), 0), dual.getOrDefault(c.code(), 0), without));
    }
    return out;
  }

  /** Every grid with its branch and the party members living in it, in code order (the party-coverage layer). */
  @Transactional(readOnly = true)
  public List<GridBranch> grids() {
    return communities(null).stream().flatMap(c -> c.grids().stream()).toList();
  }

  private Map<String, Integer> counts(String sql) {
    Map<String, Integer> out = new HashMap<>();
    jdbc.query(sql, rs -> { out.put(rs.getString(1), rs.getInt(2)); });
    return out;
  }

  /** Per home grid: [party members, of them 双报到]. */
  private Map<String, int[]> livingPerGrid() {
    Map<String, int[]> out = new HashMap<>();
    jdbc.query("SELECT home_grid_code, COUNT(*), SUM(CASE WHEN dual_report = TRUE THEN 1 ELSE 0 END) FROM party_member"
        + " WHERE home_grid_code IS NOT NULL GROUP BY home_grid_code", rs -> { out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}); });
    return out;
  }
}
