package org.gridwatch.publication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.publication.PublicationAnswer.AttachmentAnswer;
import org.gridwatch.publication.PublicationRequests.NewPublication;
import org.gridwatch.publication.PublicationRequests.NoteRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Publications (政务社务公开, service guides, notices, results): what a resident of an area sees, one publication,
 * writing, the review loop, withdrawal, attachments. The Atom feed is {@link PublicationFeedController}'s.
 */
@RestController
@RequestMapping("/api/v1/publications")
class PublicationController {
  private static final int MAX_LIST = 200;
  private final PublicationDesk desk;
  private final PublicationReads reads;
  private final PublicationFiles files;
  private final Publications publications;
  private final AreaCatalog catalog;
  private final Actors actors;
  private final PublishingRights rights;

  PublicationController(PublicationDesk desk, PublicationReads reads, PublicationFiles files, Publications publications,
      AreaCatalog catalog, Actors actors, PublishingRights rights) {
    this.rights = rights;
    this.desk = desk;
    this.reads = reads;
    this.files = files;
    this.publications = publications;
    this.catalog = catalog;
    this.actors = actors;
  }

  /** What a resident of the area sees today, newest first; {@code kind} may repeat. */
  @GetMapping(params = "!status")
  List<PublicationSummary> current(@RequestParam String area, @RequestParam(required = false) List<PublicationKind> kind,
      @RequestParam(defaultValue = "50") int limit) {
    if (catalog.now().find(area).isEmpty()) throw PublicationProblems.unknownArea(area);
    if (limit < 1 || limit > MAX_LIST) throw ProblemException.badInput("limit", Text.of("publication.limit", String.valueOf(MAX_LIST)));
    return publications.current(area, desk.today(), kind, limit);
  }

  /** Staff: the publications with a status in their scope (the review queue: PENDING_REVIEW); {@code mine}: written by me. */
  @GetMapping(params = "status")
  List<PublicationAnswer> withStatus(@RequestParam PublicationStatus status, @RequestParam(required = false) String area,
      @RequestParam(defaultValue = "false") boolean mine) {
    if (actors.current() == Actor.ANONYMOUS_RESIDENT) throw PublicationProblems.forbidden(Text.of("publication.staff-only"));
    if (area != null && catalog.now().find(area).isEmpty()) throw PublicationProblems.unknownArea(area);
    return reads.withStatus(status, area, mine);
  }

  /** An area a writer may publish for, and whether what they publish there waits for review. */
  record PublishableArea(String code, org.gridwatch.area.AreaLevel level, String name, String nameEn, String parentCode, boolean reviewed) {}

  /** The areas the signed-in account may publish for (none for anyone else): the publishing page's choices. */
  @GetMapping("/areas")
  List<PublishableArea> areas() {
    Actor a = actors.current();
    if (a == Actor.ANONYMOUS_RESIDENT) return List.of();
    return rights.publishable(a, desk.today()).stream().map(v -> new PublishableArea(v.code(), v.level(), v.name(), v.nameEn(),
        v.parentCode(), rights.publisherFor(a, v, desk.today()).map(Publisher::reviewed).orElse(true))).toList();
  }

  @PostMapping
  ResponseEntity<PublicationAnswer> create(@Valid @RequestBody NewPublication body) {
    long id = desk.create(body);
    return ResponseEntity.created(URI.create("/api/v1/publications/" + id)).body(reads.answer(reads.visible(id, actors.current()), true));
  }

  @GetMapping("/{id}")
  PublicationAnswer one(@PathVariable long id, HttpServletRequest request) { return reads.one(id, anonymousReader(request)); }

  @PostMapping("/{id}/submit")
  PublicationAnswer submit(@PathVariable long id) {
    desk.submit(id);
    return staffView(id);
  }

  @PostMapping("/{id}/approve")
  PublicationAnswer approve(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest body) {
    desk.approve(id, body == null ? null : body.note());
    return staffView(id);
  }

  @PostMapping("/{id}/reject")
  PublicationAnswer reject(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest body) {
    desk.reject(id, body == null ? null : body.note());
    return staffView(id);
  }

  @PostMapping("/{id}/withdraw")
  PublicationAnswer withdraw(@PathVariable long id, @Valid @RequestBody(required = false) NoteRequest body) {
    desk.withdraw(id, body == null ? null : body.note());
    return staffView(id);
  }

  @PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data")
  ResponseEntity<AttachmentAnswer> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) {
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AttachmentAnswer a = files.attach(id, file.getOriginalFilename(), file.getContentType(), bytes);
    return ResponseEntity.created(URI.create(a.url())).body(a);
  }

  @GetMapping("/{id}/attachments")
  List<AttachmentAnswer> attachments(@PathVariable long id) {
    reads.visible(id, actors.current());
    return files.list(id);
  }

  private PublicationAnswer staffView(long id) { return reads.answer(reads.visible(id, actors.current()), true); }

  /** An anonymous client as a hash of its address and browser: counted once a day, its address never stored. */
  private static String anonymousReader(HttpServletRequest request) {
    try {
      String who = request.getRemoteAddr() + "|" + request.getHeader("User-Agent");
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(who.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
