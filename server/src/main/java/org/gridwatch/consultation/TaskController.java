package org.gridwatch.consultation;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.TaskAnswer;
import org.gridwatch.consultation.ConsultationRequests.EvidenceRequest;
import org.gridwatch.consultation.ConsultationRequests.NoteRequest;
import org.gridwatch.consultation.ConsultationRequests.TaskRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tasks (干事): add to an adopted decision, evidence, done, verify (the last one resolves the topic's cases), reject, read. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {
  private final Tasks tasks;
  private final ConsultationReads reads;

  TaskController(Tasks tasks, ConsultationReads reads) {
    this.tasks = tasks;
    this.reads = reads;
  }

  @PostMapping
  ResponseEntity<TaskAnswer> create(@Valid @RequestBody TaskRequest body) {
    long id = tasks.create(body);
    return ResponseEntity.created(URI.create("/api/v1/tasks/" + id)).body(reads.task(id));
  }

  @GetMapping
  List<TaskAnswer> list(@RequestParam(required = false) String community, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) TaskStatus status) {
    return reads.tasks(community, overdue, status);
  }

  @GetMapping("/{id}")
  TaskAnswer one(@PathVariable long id) { return reads.task(id); }

  @PostMapping("/{id}/evidence")
  ResponseEntity<TaskAnswer> evidence(@PathVariable long id, @Valid @RequestBody EvidenceRequest body) {
    tasks.evidence(id, body.note());
    return ResponseEntity.status(201).body(reads.task(id));
  }

  @PostMapping("/{id}/done")
  TaskAnswer done(@PathVariable long id) {
    tasks.done(id);
    return reads.task(id);
  }

  @PostMapping("/{id}/verify")
  TaskAnswer verify(@PathVariable long id) {
    tasks.verify(id);
    return reads.task(id);
  }

  @PostMapping("/{id}/reject")
  TaskAnswer reject(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest body) {
    tasks.reject(id, body == null ? null : body.note());
    return reads.task(id);
  }
}
