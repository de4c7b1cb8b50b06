package org.gridwatch.consultation;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.DecisionAnswer;
import org.gridwatch.consultation.ConsultationAnswers.PublicDecision;
import org.gridwatch.consultation.ConsultationRequests.DecisionRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Decisions (定事): record at a meeting with its quorum, publish, read; the public read of published decisions. */
@RestController
class DecisionController {
  private final Decisions decisions;
  private final ConsultationReads reads;

  DecisionController(Decisions decisions, ConsultationReads reads) {
    this.decisions = decisions;
    this.reads = reads;
  }

  @PostMapping("/api/v1/decisions")
  ResponseEntity<DecisionAnswer> record(@Valid @RequestBody DecisionRequest body) {
    long id = decisions.record(body);
    return ResponseEntity.created(URI.create("/api/v1/decisions/" + id)).body(reads.decision(id));
  }

  @GetMapping("/api/v1/decisions")
  List<DecisionAnswer> list(@RequestParam(required = false) String community, @RequestParam(required = false) Boolean published) {
    return reads.decisions(community, published);
  }

  @GetMapping("/api/v1/decisions/{id}")
  DecisionAnswer one(@PathVariable long id) { return reads.decision(id); }

  @PostMapping("/api/v1/decisions/{id}/publish")
  DecisionAnswer publish(@PathVariable long id) {
    decisions.publish(id);
    return reads.decision(id);
  }

  @GetMapping("/api/v1/public/decisions")
  List<PublicDecision> published(@RequestParam(required = false) String community) { return reads.published(community); }
}
