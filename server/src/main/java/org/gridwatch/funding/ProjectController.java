package org.gridwatch.funding;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.gridwatch.funding.FundingAnswers.Project;
import org.gridwatch.funding.FundingAnswers.ProjectSummary;
import org.gridwatch.funding.FundingRequests.Application;
import org.gridwatch.funding.FundingRequests.Check;
import org.gridwatch.funding.FundingRequests.Note;
import org.gridwatch.funding.FundingRequests.Publish;
import org.gridwatch.funding.FundingRequests.Reason;
import org.gridwatch.funding.FundingRequests.Review;
import org.gridwatch.funding.FundingRequests.SelfReport;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects}: apply, read (by who asks, see {@link ProjectReads}), review, and act: {@code POST
 * /api/v1/projects/{id}/{action}} with a typed body per action. Every action answers the project as the caller now sees it.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {
  private final Applications applications;
  private final ProjectReads reads;
  private final Reviews reviews;
  private final Lifecycle lifecycle;
  private final Evaluations evaluations;
  private final FundingCallers callers;

  ProjectController(Applications applications, ProjectReads reads, Reviews reviews, Lifecycle lifecycle, Evaluations evaluations,
      FundingCallers callers) {
    this.applications = applications;
    this.reads = reads;
    this.reviews = reviews;
    this.lifecycle = lifecycle;
    this.evaluations = evaluations;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<Project> apply(@Valid @RequestBody Application body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    long id = applications.apply(body, caller);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(view(id, caller));
  }

  @GetMapping
  List<ProjectSummary> list(@RequestParam(required = false) Long round, @RequestParam(required = false) String status,
      @RequestParam(required = false) String area, Authentication auth) {
    return reads.list(round, status == null || status.isBlank() ? null : status(status), area == null || area.isBlank() ? null : area.strip(),
        callers.of(auth));
  }

  @GetMapping("/{id}")
  Project find(@PathVariable long id, Authentication auth) { return view(id, callers.of(auth)); }

  @PostMapping("/{id}/reviews")
  ResponseEntity<Project> review(@PathVariable long id, @Valid @RequestBody Review body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    reviews.score(id, body, caller);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(view(id, caller));
  }

  @PostMapping("/{id}/conflicts")
  ResponseEntity<Project> conflict(@PathVariable long id, @Valid @RequestBody Reason body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    reviews.declareConflict(id, body.reason(), caller);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(view(id, caller));
  }

  @PostMapping("/{id}/shortlist")
  Project shortlist(@PathVariable long id, @Valid @RequestBody(required = false) Note body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.shortlist(id, note(body), caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/decline")
  Project decline(@PathVariable long id, @Valid @RequestBody Reason body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.decline(id, body.reason(), caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/approve")
  Project approve(@PathVariable long id, @Valid @RequestBody(required = false) Note body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.approve(id, note(body), caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/contract")
  Project contract(@PathVariable long id, @Valid @RequestBody(required = false) Note body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.contract(id, note(body), caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/start")
  Project start(@PathVariable long id, @Valid @RequestBody(required = false) Note body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.start(id, note(body), caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/self-report")
  Project selfReport(@PathVariable long id, @Valid @RequestBody SelfReport body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    evaluations.selfReport(id, body, caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/check")
  Project check(@PathVariable long id, @Valid @RequestBody Check body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    evaluations.check(id, body, caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/publish")
  Project publish(@PathVariable long id, @Valid @RequestBody Publish body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    evaluations.publish(id, body, caller);
    return view(id, caller);
  }

  @PostMapping("/{id}/terminate")
  Project terminate(@PathVariable long id, @Valid @RequestBody Reason body, Authentication auth) {
    FundingCaller caller = callers.of(auth);
    lifecycle.terminate(id, body.reason(), caller);
    return view(id, caller);
  }

  private Project view(long id, FundingCaller caller) {
    return reads.find(id, caller).orElseThrow(() -> ProjectStore.unknown(id));
  }

  private static String note(Note body) { return body == null ? null : body.note(); }

  private static ProjectStatus status(String s) {
    try {
      return ProjectStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("status", Text.of("funding.unknown-status", s));
    }
  }
}
