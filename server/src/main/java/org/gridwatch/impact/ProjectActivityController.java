package org.gridwatch.impact;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridwatch.incident.Actors;
import org.gridwatch.media.PublicPhotos;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.gridwatch.problem.Text;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/projects/{id}/activities}: what a funded project did, with photos. */
@RestController
class ProjectActivityController {
  private final ProjectActivities activities;
  private final PublicPhotos photos;
  private final Actors actors;

  ProjectActivityController(ProjectActivities activities, PublicPhotos photos, Actors actors) {
    this.activities = activities;
    this.photos = photos;
    this.actors = actors;
  }

  @PostMapping("/api/v1/projects/{id}/activities")
  ResponseEntity<ActivityView> record(@PathVariable long id, @Valid @RequestBody ActivityRequest body) {
    ActivityView v = activities.record(id, body, actors.current());
    return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/activities/" + v.id())).body(v);
  }

  @GetMapping("/api/v1/projects/{id}/activities")
  List<ActivityView> list(@PathVariable long id) { return activities.list(id, actors.current()); }

  /** A photo (multipart part {@code file}): checked and re-encoded before the transaction that stores it. */
  @PostMapping(path = "/api/v1/projects/{id}/activities/{activity}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ActivityView.Photo> addPhoto(@PathVariable long id, @PathVariable long activity,
      @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) throws IOException {
    boolean zh = ReaderLanguage.chinese(request);
    if (file == null) throw ProblemException.badInput("file", Text.of("media.required-multipart-part-file"));
    photos.checkSize(file.getSize(), zh);
    PublicPhotos.Copy copy = photos.copy(file.getBytes(), zh);
    ActivityView.Photo p = activities.addPhoto(id, activity, copy, actors.current());
    return ResponseEntity.created(URI.create(p.url())).body(p);
  }

  @GetMapping("/api/v1/projects/{id}/activities/{activity}/photos/{photo}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long activity, @PathVariable long photo) {
    return photo(id, activity, photo, false);
  }

  @GetMapping("/api/v1/projects/{id}/activities/{activity}/photos/{photo}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long activity, @PathVariable long photo) {
    return photo(id, activity, photo, true);
  }

  private ResponseEntity<byte[]> photo(long id, long activity, long photo, boolean thumbnail) {
    ProjectActivities.PhotoBytes b = activities.photoBytes(id, activity, photo, thumbnail, actors.current())
        .orElseThrow(() -> ProblemException.notFound("unknown-photo", "Unknown photo", Text.of("impact.no-photo", id, activity, photo)));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(b.contentType()))
        .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate()).body(b.bytes());
  }
}
