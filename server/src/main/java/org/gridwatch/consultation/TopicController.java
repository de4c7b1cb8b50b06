package org.gridwatch.consultation;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.SupportAnswer;
import org.gridwatch.consultation.ConsultationAnswers.TopicAnswer;
import org.gridwatch.consultation.ConsultationRequests.DeclineRequest;
import org.gridwatch.consultation.ConsultationRequests.SupervisionRequest;
import org.gridwatch.consultation.ConsultationRequests.TopicRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Topics (议题): propose or open, support, accept or decline, read; the supervision check of a carried-out topic. */
@RestController
@RequestMapping("/api/v1/topics")
class TopicController {
  private final Topics topics;
  private final Supervisions supervisions;
  private final ConsultationReads reads;

  TopicController(Topics topics, Supervisions supervisions, ConsultationReads reads) {
    this.topics = topics;
    this.supervisions = supervisions;
    this.reads = reads;
  }

  @PostMapping
  ResponseEntity<TopicAnswer> open(@Valid @RequestBody TopicRequest body) {
    long id = topics.open(body);
    return ResponseEntity.created(URI.create("/api/v1/topics/" + id)).body(reads.topic(id));
  }

  @GetMapping
  List<TopicAnswer> list(@RequestParam(required = false) String community, @RequestParam(required = false) TopicStatus status,
      @RequestParam(required = false) Long body) {
    return reads.topics(community, status, body);
  }

  @GetMapping("/{id}")
  TopicAnswer one(@PathVariable long id) { return reads.topic(id); }

  @PostMapping("/{id}/support")
  SupportAnswer support(@PathVariable long id) { return new SupportAnswer(id, topics.support(id)); }

  @PostMapping("/{id}/accept")
  TopicAnswer accept(@PathVariable long id) {
    topics.accept(id);
    return reads.topic(id);
  }

  @PostMapping("/{id}/decline")
  TopicAnswer decline(@PathVariable long id, @Valid @RequestBody DeclineRequest body) {
    topics.decline(id, body.reason());
    return reads.topic(id);
  }

  @PostMapping("/{id}/supervision")
  ResponseEntity<TopicAnswer> supervise(@PathVariable long id, @Valid @RequestBody SupervisionRequest body) {
    supervisions.check(id, body);
    return ResponseEntity.status(201).body(reads.topic(id));
  }
}
