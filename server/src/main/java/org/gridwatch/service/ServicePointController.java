package org.gridwatch.service;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/service-points}: the layer of 社区服务中心, 党群服务中心, 调解室, 养老驿站 … with opening hours and photos. */
@RestController
class ServicePointController {
  private final ServicePoints points;
  private final PublicPhotos photos;
  private final Actors actors;

  ServicePointController(ServicePoints points, PublicPhotos photos, Actors actors) {
    this.points = points;
    this.photos = photos;
    this.actors = actors;
  }

  @PostMapping("/api/v1/service-points")
  ResponseEntity<ServicePointView> create(@Valid @RequestBody ServicePointRequest body) {
    ServicePointView v = points.create(body, actors.current(), false);
    return ResponseEntity.created(URI.create("/api/v1/service-points/" + v.id())).body(v);
  }

  @GetMapping("/api/v1/service-points")
  List<ServicePointView> list(@RequestParam(required = false) PointKind kind, @RequestParam(required = false) String area) {
    return points.list(kind, area);
  }

  @GetMapping("/api/v1/service-points/{id}")
  ServicePointView one(@PathVariable long id) { return points.require(id); }

  @PutMapping("/api/v1/service-points/{id}")
  ServicePointView update(@PathVariable long id, @Valid @RequestBody ServicePointRequest body) {
    return points.update(id, body, actors.current());
  }

  @DeleteMapping("/api/v1/service-points/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    points.delete(id, actors.current());
    return ResponseEntity.noContent().build();
  }

  /** A photo (multipart part {@code file}): checked and re-encoded before the transaction that stores it. */
  @PostMapping(path = "/api/v1/service-points/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ServicePointView.Photo> addPhoto(@PathVariable long id,
      @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) throws IOException {
    boolean zh = ReaderLanguage.chinese(request);
    points.require(id);
    if (file == null) throw ProblemException.badInput("file", Text.of("media.required-multipart-part-file"));
    photos.checkSize(file.getSize(), zh);
    PublicPhotos.Copy copy = photos.copy(file.getBytes(), zh);
    ServicePointView.Photo p = points.addPhoto(id, copy, actors.current());
    return ResponseEntity.created(URI.create(p.url())).body(p);
  }

  @GetMapping("/api/v1/service-points/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) { return photo(id, photoId, false); }

  @GetMapping("/api/v1/service-points/{id}/photos/{photoId}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long photoId) { return photo(id, photoId, true); }

  private ResponseEntity<byte[]> photo(long id, long photoId, boolean thumbnail) {
    ServicePoints.PhotoBytes b = points.photoBytes(id, photoId, thumbnail).orElseThrow(() -> ProblemException.notFound(
        "unknown-photo", "Unknown photo", Text.of("service.no-photo-x-x", id, photoId)));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(b.contentType()))
        .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic()).body(b.bytes());
  }
}
