package org.gridwatch.consultation;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.gridwatch.consultation.ConsultationAnswers.MeetingAnswer;
import org.gridwatch.consultation.ConsultationRequests.AttendanceRequest;
import org.gridwatch.consultation.ConsultationRequests.MeetingRequest;
import org.gridwatch.consultation.ConsultationRequests.MinutesRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings: plan, record attendance (the quorum), minutes, cancel, read. */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingController {
  private final Meetings meetings;
  private final ConsultationReads reads;

  MeetingController(Meetings meetings, ConsultationReads reads) {
    this.meetings = meetings;
    this.reads = reads;
  }

  @PostMapping
  ResponseEntity<MeetingAnswer> plan(@Valid @RequestBody MeetingRequest body) {
    long id = meetings.plan(body);
    return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(reads.meeting(id));
  }

  @GetMapping
  List<MeetingAnswer> list(@RequestParam(required = false) String community, @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to, @RequestParam(required = false) Long body) {
    return reads.meetings(community, from, to, body);
  }

  @GetMapping("/{id}")
  MeetingAnswer one(@PathVariable long id) { return reads.meeting(id); }

  @PostMapping("/{id}/attendance")
  MeetingAnswer attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest body) {
    meetings.attendance(id, body);
    return reads.meeting(id);
  }

  @PostMapping("/{id}/minutes")
  MeetingAnswer minutes(@PathVariable long id, @Valid @RequestBody MinutesRequest body) {
    meetings.minutes(id, body.text());
    return reads.meeting(id);
  }

  @PostMapping("/{id}/cancel")
  MeetingAnswer cancel(@PathVariable long id) {
    meetings.cancel(id);
    return reads.meeting(id);
  }
}
