package org.gridwatch.consultation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.TaskAnswer;
import org.gridwatch.consultation.ConsultationRequests.EvidenceRequest;
import org.gridwatch.consultation.ConsultationRequests.NoteRequest;
import org.gridwatch.consultation.ConsultationRequests.TaskRequest;
import org.gridwatch.media.PublicPhotos;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.gridwatch.problem.Text;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/** Tasks (干事): add to an adopted decision, evidence, done, verify (the last one resolves the topic's cases), reject, read. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {
  private final Tasks tasks;
  private final ConsultationReads reads;
  private final PublicPhotos photos;

  TaskController(Tasks tasks, ConsultationReads reads, PublicPhotos photos) {
    this.tasks = tasks;
    this.photos = photos;
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
    tasks.evidence(id, body.note(), null);
    return ResponseEntity.status(201).body(reads.task(id));
  }

  /**
   * Evidence with a photo (multipart part {@code file}, as every upload here, or {@code photo}; optional {@code note}):
   * checked and re-encoded without
   * its metadata before the transaction that stores it in the evidence row (no file outside the database).
   */
  @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<TaskAnswer> photoEvidence(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestPart(name = "photo", required = false) MultipartFile photoPart,
      @RequestParam(name = "note", required = false) String note, HttpServletRequest request) throws IOException {
    boolean zh = ReaderLanguage.chinese(request);
    MultipartFile photo = file != null ? file : photoPart;
    if (photo == null) throw ProblemException.badInput("file", Text.of("media.required-multipart-part-file"));
    if (note != null && note.length() > 2000) throw ProblemException.badInput("note", Text.of("consultation.note-too-long"));
    photos.checkSize(photo.getSize(), zh);
    PublicPhotos.Copy copy = photos.copy(photo.getBytes(), zh);
    tasks.evidence(id, note, copy);
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
