package org.gridwatch.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.gridwatch.publication.PublicationAnswer.AttachmentAnswer;
import org.gridwatch.service.Sequences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A publication's attached files: checked by their bytes ({@link AttachmentFormat}), at most
 * {@code gridwatch.publication.max-attachment-bytes} (10 MB), written under {@code <data-dir>/publications/} and
 * fsynced (file and directory) before the row that names them commits, so an acknowledged upload survives a crash. A
 * file whose row did not commit is an orphan on disk, never a row without its file.
 */
@Component
class PublicationFiles {
  /** An attachment row and where its bytes are. */
  record Stored(long id, long publicationId, String name, String contentType, long sizeBytes, Path file) {}

  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final Actors actors;
  private final AreaCatalog catalog;
  private final PublishingRights rights;
  private final PublicationStore store;
  private final Clock clock;
  private final org.gridwatch.area.DistrictProfile district;
  private final Path root;
  private final long maxBytes;

  PublicationFiles(JdbcTemplate jdbc, Sequences sequences, Actors actors, AreaCatalog catalog, PublishingRights rights,
      PublicationStore store, Clock clock, org.gridwatch.area.DistrictProfile district, @Value("${gridwatch.data-dir:./gridwatch-data}") String dataDir,
      @Value("${gridwatch.publication.max-attachment-bytes:10485760}") long maxBytes) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.actors = actors;
    this.catalog = catalog;
    this.rights = rights;
    this.store = store;
    this.clock = clock;
    this.district = district;
    this.root = Path.of(dataDir).resolve("publications");
    this.maxBytes = maxBytes;
  }

  /** Attaches a file: its writer or an officer over it, while it is a draft, under review or published. */
  @Transactional
  AttachmentAnswer attach(long publicationId, String fileName, String declaredType, byte[] bytes) {
    Actor a = actors.current();
    PublicationStore.Row r = store.lock(publicationId).orElseThrow(() -> PublicationProblems.unknown(publicationId));
    AreaView area = catalog.now().find(r.areaCode()).orElse(null);
    boolean writer = a.username().equals(r.createdBy()) || (area != null && rights.atOrAbove(a, area, r.publisherLevel()));
    if (!writer) {
      if (area != null && rights.inScope(a, area, java.time.LocalDate.now(clock.withZone(district.timeZone())))) {
        throw PublicationProblems.forbidden(Text.of("publication.not-yours", String.valueOf(publicationId)));
      }
      throw PublicationProblems.unknown(publicationId);
    }
    if (r.status() == PublicationStatus.WITHDRAWN || r.status() == PublicationStatus.REJECTED) {
      throw PublicationProblems.illegal("attach", r.status());
    }
    if (r.status() == PublicationStatus.PUBLISHED && area != null && rights.officerOver(a, area).isEmpty()) {
      // a grid officer's or an organisation's item went out after review: a file added now would skip it
      throw PublicationProblems.forbidden(Text.of("publication.attach-after-review"));
    }
    if (bytes.length > maxBytes) {
      throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
          Text.of("publication.file-too-large", String.valueOf(maxBytes)),
          List.of(new FieldError("file", Text.of("publication.file-too-large", String.valueOf(maxBytes)))));
    }
    String name = baseName(fileName);
    if (name.isEmpty() || name.length() > 200) throw PublicationProblems.invalid("file", Text.of("publication.file-name"));
    AttachmentFormat format = AttachmentFormat.of(bytes)
        .orElseThrow(() -> PublicationProblems.invalid("file", Text.of("publication.file-unsupported", name)));
    if (!format.named(name) || !format.declaredAs(declaredType)) {
      throw PublicationProblems.invalid("file", Text.of("publication.file-not-what-it-says", name, format.name()));
    }
    if (format == AttachmentFormat.PNG || format == AttachmentFormat.JPEG) {
      bytes = ImageScrub.reencode(bytes, format == AttachmentFormat.PNG ? "png" : "jpeg")
          .orElseThrow(() -> PublicationProblems.invalid("file", Text.of("publication.file-not-what-it-says", name, format.name())));
    }
    long id = sequences.next("publication_attachment_seq");
    String sha = sha256(bytes);
    String key = publicationId + "/" + id + "-" + sha.substring(0, 16);
    write(root.resolve(key), bytes);
    jdbc.update("INSERT INTO publication_attachment (id, publication_id, name, content_type, size_bytes, sha256, file_key, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, publicationId, name, format.contentType, bytes.length, sha, key,
        Timestamp.from(clock.instant()));
    return new AttachmentAnswer(id, name, format.contentType, bytes.length, url(publicationId, id));
  }

  /** The name after the last path separator, trimmed; a name that is only a path (or has a NUL) has none. */
  private static String baseName(String fileName) {
    if (fileName == null || fileName.indexOf('\0') >= 0) return "";
    String n = fileName.replace('\\', '/');
    return n.substring(n.lastIndexOf('/') + 1).strip();
  }

  List<AttachmentAnswer> list(long publicationId) {
    return jdbc.query("SELECT id, name, content_type, size_bytes FROM publication_attachment WHERE publication_id = ? ORDER BY id",
        (rs, n) -> new AttachmentAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), url(publicationId, rs.getLong(1))),
        publicationId);
  }

  Optional<Stored> find(long publicationId, long id) {
    return jdbc.query("SELECT id, publication_id, name, content_type, size_bytes, file_key FROM publication_attachment"
        + " WHERE publication_id = ? AND id = ?", (rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getLong(5), root.resolve(rs.getString(6))), publicationId, id).stream().findFirst();
  }

  private static String url(long publicationId, long id) { return "/api/v1/publications/" + publicationId + "/attachments/" + id; }

  /** Writes through a temporary file, fsyncs it, moves it in place and fsyncs the directory. */
  private static void write(Path target, byte[] bytes) {
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(target.getFileName() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException notOnThisSystem) {
        // some file systems cannot open a directory for fsync; the file itself is synced
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store an attachment", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
