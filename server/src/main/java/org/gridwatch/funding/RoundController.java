package org.gridwatch.funding;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.funding.FundingAnswers.Round;
import org.gridwatch.funding.FundingRequests.NewRound;
import org.gridwatch.problem.Text;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/rounds}: funding rounds, opened by the funder, read by anyone with their phase today. */
@RestController
@RequestMapping("/api/v1/rounds")
class RoundController {
  private final Rounds rounds;

  RoundController(Rounds rounds) { this.rounds = rounds; }

  @PostMapping
  ResponseEntity<Round> open(@Valid @RequestBody NewRound body, Authentication auth) {
    Round r = rounds.open(body, auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/rounds/" + r.id())).body(r);
  }

  @GetMapping
  List<Round> list(@RequestParam(required = false) Integer year) { return rounds.list(year); }

  @GetMapping("/{id}")
  Round find(@PathVariable long id) { return rounds.get(id); }
}
