package org.gridwatch.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/volunteer-teams}: a grid's volunteer teams and their members. */
@RestController
class TeamController {
  record NewTeam(@NotBlank @Size(max = 100) String name, @NotBlank String grid) {}

  private final VolunteerTeams teams;
  private final VolunteerAccess access;

  TeamController(VolunteerTeams teams, VolunteerAccess access) {
    this.teams = teams;
    this.access = access;
  }

  @PostMapping("/api/v1/volunteer-teams")
  @ResponseStatus(HttpStatus.CREATED)
  VolunteerTeams.TeamView create(@Valid @RequestBody NewTeam team, Authentication auth) {
    return teams.create(access.readerOf(auth), team.name(), team.grid().strip());
  }

  @GetMapping("/api/v1/volunteer-teams")
  List<VolunteerTeams.TeamView> list(@RequestParam(required = false) String grid, Authentication auth) {
    return teams.list(access.readerOf(auth), grid == null || grid.isBlank() ? null : grid.strip());
  }

  @PutMapping("/api/v1/volunteer-teams/{id}/members/{volunteerId}")
  VolunteerTeams.TeamView join(@PathVariable long id, @PathVariable long volunteerId, Authentication auth) {
    return teams.join(access.readerOf(auth), id, volunteerId);
  }

  @DeleteMapping("/api/v1/volunteer-teams/{id}/members/{volunteerId}")
  VolunteerTeams.TeamView leave(@PathVariable long id, @PathVariable long volunteerId, Authentication auth) {
    return teams.leave(access.readerOf(auth), id, volunteerId);
  }
}
