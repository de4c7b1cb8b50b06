package org.gridwatch.publication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Actors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Atom feed of an area's current publications, and attachment downloads: the reads that are not JSON. */
@RestController
class PublicationFeedController {
  static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=utf-8");
  private final Publications publications;
  private final PublicationStore store;
  private final PublicationDesk desk;
  private final PublicationReads reads;
  private final PublicationFiles files;
  private final AreaCatalog catalog;
  private final Actors actors;

  PublicationFeedController(Publications publications, PublicationStore store, PublicationDesk desk, PublicationReads reads,
      PublicationFiles files, AreaCatalog catalog, Actors actors) {
    this.publications = publications;
    this.store = store;
    this.desk = desk;
    this.reads = reads;
    this.files = files;
    this.catalog = catalog;
    this.actors = actors;
  }

  /**
   * Anyone; 304 when the reader's ETag still holds (the list changes with a publication, a withdrawal or a day). No
   * Last-Modified: an item withdrawn, expired or coming into its days changes the feed without a newer publication time.
   */
  @GetMapping("/api/v1/publications/feed")
  ResponseEntity<String> feed(@RequestParam String area, HttpServletRequest request, HttpServletResponse response) {
    AreaView a = catalog.now().find(area).orElseThrow(() -> PublicationProblems.unknownArea(area));
    List<PublicationSummary> items = publications.current(a.code(), desk.today(), null, 50);
    Instant updated = items.stream().map(PublicationSummary::publishedAt).filter(java.util.Objects::nonNull)
        .max(Instant::compareTo).orElse(Instant.EPOCH);
    StringBuilder version = new StringBuilder(a.code()).append('|').append(desk.today());
    items.forEach(p -> version.append('|').append(p.id()).append(':').append(p.publishedAt()));
    String etag = "\"" + Integer.toHexString(version.toString().hashCode()) + Integer.toHexString(version.length()) + "\"";
    ServletWebRequest web = new ServletWebRequest(request, response);
    if (web.checkNotModified(etag)) return null;
    String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    String xml = AtomFeed.write(base, request.getServerName(), a.code(), a.name(), items,
        store.bodies(items.stream().map(PublicationSummary::id).toList()), updated);
    return ResponseEntity.ok().contentType(ATOM).eTag(etag).body(xml);
  }

  /** A file, for whoever may see its publication: as an attachment, of its checked type, never sniffed. */
  @GetMapping("/api/v1/publications/{id}/attachments/{aid}")
  ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long aid) {
    reads.visible(id, actors.current());
    PublicationFiles.Stored f = files.find(id, aid).filter(s -> Files.isRegularFile(s.file()))
        .orElseThrow(() -> org.gridwatch.problem.ProblemException.notFound("unknown-attachment", "Unknown attachment",
            org.gridwatch.problem.Text.of("publication.unknown-attachment", String.valueOf(aid))));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType())).contentLength(f.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff").body(new FileSystemResource(f.file()));
  }
}
