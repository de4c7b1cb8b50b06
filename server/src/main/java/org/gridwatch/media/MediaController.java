package org.gridwatch.media;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.gridwatch.incident.CaseAccess;
import org.gridwatch.incident.CaseMedia;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of a case: {@code POST /api/v1/incidents/{id}/media} (multipart, part {@code file}, optional field
 * {@code kind}), by staff who may read the case or by its reporter with the {@code Follow-Token} header; the
 * public copy, thumbnail and (staff only) original, to whoever may read the case view that lists them; and the
 * limits, for clients ({@code GET /api/v1/media/settings}).
 */
@RestController
class MediaController {
  /** What a client needs to know before it uploads. */
  record Settings(long maxBytes, int maxPerCase, int maxFromReporter, List<String> types, List<String> kinds) {}

  private final Attachments attachments;
  private final MediaStore store;
  private final CaseAccess cases;
  private final MediaSettings settings;

  MediaController(Attachments attachments, MediaStore store, CaseAccess cases, MediaSettings settings) {
    this.attachments = attachments;
    this.store = store;
    this.cases = cases;
    this.settings = settings;
  }

  @GetMapping("/api/v1/media/settings")
  Settings settings() {
    return new Settings(settings.maxBytes, settings.maxPerCase, settings.maxFromReporter,
        Arrays.stream(ImageFormat.values()).map(f -> f.contentType).toList(), Arrays.stream(MediaKind.values()).map(Enum::name).toList());
  }

  @PostMapping(path = "/api/v1/incidents/{id}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CaseMedia.Item> upload(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestHeader(name = "Follow-Token", required = false) String token,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request) throws IOException {
    boolean zh = ReaderLanguage.chinese(request);
    CaseAccess.Reader reader = cases.reader(id, token);
    if (key != null && (key.isBlank() || key.length() > 100)) {
      throw ProblemException.badInput("Idempotency-Key", Text.of("media.must-1-100-characters"));
    }
    if (file == null) throw ProblemException.badInput("file", Text.of("media.required-multipart-part-file"));
    MediaKind k = kindOf(kind);
    if (file.getSize() > settings.maxBytes) throw MediaRefusals.tooLarge(zh, settings.maxBytes);
    Attachments.Attached a = attachments.attach(reader, k, file.getBytes(), key, zh);
    URI location = URI.create("/api/v1/incidents/" + reader.publicId() + "/media/" + a.item().id());
    return a.created() ? ResponseEntity.created(location).body(a.item()) : ResponseEntity.ok().location(location).body(a.item());
  }

  @GetMapping("/api/v1/incidents/{id}/media/{mediaId}")
  ResponseEntity<byte[]> publicCopy(@PathVariable String id, @PathVariable String mediaId, @RequestHeader(name = "Follow-Token",
      required = false) String header, @RequestParam(name = "token", required = false) String param,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletRequest request) {
    return serve(id, mediaId, MediaStore.Variant.PUBLIC, header != null ? header : param, ifNoneMatch, request);
  }

  @GetMapping("/api/v1/incidents/{id}/media/{mediaId}/{variant}")
  ResponseEntity<byte[]> copy(@PathVariable String id, @PathVariable String mediaId, @PathVariable String variant,
      @RequestHeader(name = "Follow-Token", required = false) String header, @RequestParam(name = "token", required = false) String param,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletRequest request) {
    MediaStore.Variant v = switch (variant) {
      case "thumbnail" -> MediaStore.Variant.THUMBNAIL;
      case "original" -> MediaStore.Variant.ORIGINAL;
      default -> throw ProblemException.notFound("not-found", "Not found", Text.of("media.x-not-copy-use-thumbnail", variant));
    };
    return serve(id, mediaId, v, header != null ? header : param, ifNoneMatch, request);
  }

  /**
   * One copy, to a reader of the case. Copies never change once stored, so the ETag is the photo's id and copy;
   * browsers may keep them (privately: they are not public data).
   */
  private ResponseEntity<byte[]> serve(String caseId, String mediaId, MediaStore.Variant variant, String token, String ifNoneMatch,
      HttpServletRequest request) {
    boolean zh = ReaderLanguage.chinese(request);
    CaseAccess.Reader reader = cases.reader(caseId, token);
    MediaStore.Row row = store.find(reader.incidentId(), mediaId).orElseThrow(() -> ProblemException.notFound("unknown-media",
        zh ? "未找到照片" : "Unknown photo", Text.of("media.case-x-has-no-photo", caseId, mediaId)));
    if (variant == MediaStore.Variant.ORIGINAL && !reader.staff()) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", zh ? "禁止访问" : "Forbidden",
          Text.of("media.original-with-location-and-other"), List.of());
    }
    if (variant != MediaStore.Variant.ORIGINAL && row.publicType() == null) throw MediaRefusals.noCopy(zh, mediaId);
    String etag = "\"" + row.publicId() + "-" + variant.name().toLowerCase(Locale.ROOT) + "\"";
    CacheControl cache = CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate();
    if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(t -> t.equals(etag) || t.equals("*"))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
    }
    byte[] bytes = store.bytes(row.id(), variant).orElseThrow(() -> MediaRefusals.noCopy(zh, mediaId));
    String type = switch (variant) {
      case ORIGINAL -> row.contentType();
      case PUBLIC -> row.publicType();
      case THUMBNAIL -> "image/jpeg";
    };
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).eTag(etag).cacheControl(cache)
        .header("Content-Disposition", variant == MediaStore.Variant.ORIGINAL ? "attachment" : "inline").body(bytes);
  }

  private static MediaKind kindOf(String kind) {
    if (kind == null || kind.isBlank()) return MediaKind.REPORT;
    try {
      return MediaKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("kind", Text.of("media.x-not-one-x", kind, Arrays.toString(MediaKind.values())));
    }
  }
}
