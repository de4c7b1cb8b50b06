package org.gridwatch.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer teams of a grid (e.g. its volunteer service team, one of 一员一警两队's two teams) and their members. Staff
 * who may change the grid's people make teams and add or remove members; a member may come from any grid the staff
 * member may change. A team's name is unique in its grid.
 */
@Service
public class VolunteerTeams {
  /** A team with its members. */
  public record TeamView(long id, String name, String grid, List<Member> members) {}

  /** A member as teams show them: no personal data beyond the name. */
  public record Member(long id, String name, VolunteerKind kind, String homeGrid) {}

  private record TeamRow(long id, String name, String grid) {}

  private static final String TEAM = "SELECT id, name, grid_code FROM volunteer_team";
  private static final org.springframework.jdbc.core.RowMapper<TeamRow> TEAM_ROW =
      (rs, i) -> new TeamRow(rs.getLong(1), rs.getString(2), rs.getString(3));

  private final JdbcTemplate jdbc;
  private final VolunteerStore store;
  private final VolunteerAccess access;
  private final AreaCatalog areas;
  private final Clock clock;

  VolunteerTeams(JdbcTemplate jdbc, VolunteerStore store, VolunteerAccess access, AreaCatalog areas, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.access = access;
    this.areas = areas;
    this.clock = clock;
  }

  @Transactional
  TeamView create(VolunteerAccess.Reader reader, String name, String grid) {
    if (areas.now().find(grid).filter(a -> a.level() == AreaLevel.GRID).isEmpty()) {
      throw Registration.unprocessable(List.of(new FieldError("grid", Text.of("volunteer.unknown-grid", grid))));
    }
    access.requireWrite(reader, grid);
    return view(create(name.strip(), grid));
  }

  /** Makes a team without checks of the reader (the demo, or after {@link #create(VolunteerAccess.Reader, String, String)}). */
  @Transactional
  public long create(String name, String grid) {
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.update(c -> {
        var ps = c.prepareStatement("INSERT INTO volunteer_team (name, grid_code, created_at) VALUES (?, ?, ?)", new String[] {"id"});
        ps.setString(1, name);
        ps.setString(2, grid);
        ps.setTimestamp(3, Timestamp.from(clock.instant()));
        return ps;
      }, keys);
    } catch (DuplicateKeyException taken) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-team", "Team exists", Text.of("volunteer.team-exists", name, grid),
          List.of(new FieldError("name", Text.of("volunteer.team-name-taken"))));
    }
    return keys.getKey().longValue();
  }

  @Transactional
  TeamView join(VolunteerAccess.Reader reader, long teamId, long volunteerId) {
    TeamView team = changeable(reader, teamId);
    VolunteerStore.Row v = store.find(volunteerId).filter(r -> access.mayRead(reader, r)).orElseThrow(() -> Volunteers.notFound(volunteerId));
    access.requireWrite(reader, v.homeGrid());
    if (team.members().stream().noneMatch(m -> m.id() == volunteerId)) add(teamId, volunteerId);
    return view(teamId);
  }

  /** Adds a member without checks of the reader. */
  void add(long teamId, long volunteerId) { addAll(teamId, List.of(volunteerId)); }

  /** Adds members without checks of the reader (the demo), in one batch. */
  @Transactional
  public void addAll(long teamId, List<Long> volunteerIds) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate("INSERT INTO volunteer_team_member (team_id, volunteer_id, joined_at) VALUES (?, ?, ?)",
        volunteerIds.stream().map(v -> new Object[] {teamId, v, now}).toList());
  }

  @Transactional
  TeamView leave(VolunteerAccess.Reader reader, long teamId, long volunteerId) {
    changeable(reader, teamId);
    jdbc.update("DELETE FROM volunteer_team_member WHERE team_id = ? AND volunteer_id = ?", teamId, volunteerId);
    return view(teamId);
  }

  /** The teams the reader may see, of one grid or all. */
  @Transactional(readOnly = true)
  List<TeamView> list(VolunteerAccess.Reader reader, String grid) {
    List<TeamRow> teams = grid == null ? jdbc.query(TEAM + " ORDER BY grid_code, name", TEAM_ROW)
        : jdbc.query(TEAM + " WHERE grid_code = ? ORDER BY name", TEAM_ROW, grid);
    return views(teams.stream().filter(t -> access.readsGrid(reader, t.grid())).toList());
  }

  private TeamView changeable(VolunteerAccess.Reader reader, long teamId) {
    TeamView team = find(teamId);
    if (!access.readsGrid(reader, team.grid())) throw unknownTeam(teamId);
    access.requireWrite(reader, team.grid());
    return team;
  }

  private TeamView find(long teamId) {
    List<TeamRow> t = jdbc.query(TEAM + " WHERE id = ?", TEAM_ROW, teamId);
    if (t.isEmpty()) throw unknownTeam(teamId);
    return views(t).get(0);
  }

  private TeamView view(long teamId) { return find(teamId); }

  private List<TeamView> views(List<TeamRow> teams) {
    Map<Long, List<Member>> members = new LinkedHashMap<>();
    teams.forEach(t -> members.put(t.id(), new ArrayList<>()));
    String sql = "SELECT m.team_id, v.id, v.name, v.kind, v.home_grid FROM volunteer_team_member m JOIN volunteer v ON v.id = m.volunteer_id"
        + (teams.size() == 1 ? " WHERE m.team_id = " + teams.get(0).id() : "") + " ORDER BY m.team_id, v.id";
    if (!teams.isEmpty()) {
      jdbc.query(sql, rs -> {
        List<Member> list = members.get(rs.getLong(1));
        if (list != null) list.add(new Member(rs.getLong(2), rs.getString(3), VolunteerKind.valueOf(rs.getString(4)), rs.getString(5)));
      });
    }
    return teams.stream().map(t -> new TeamView(t.id(), t.name(), t.grid(), List.copyOf(members.get(t.id())))).toList();
  }

  private static ProblemException unknownTeam(long id) {
    return ProblemException.notFound("unknown-team", "Unknown team", Text.of("volunteer.unknown-team", String.valueOf(id)));
  }
}
