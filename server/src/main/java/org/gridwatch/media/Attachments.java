package org.gridwatch.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.gridwatch.incident.CaseAccess;
import org.gridwatch.incident.CaseMedia;
import org.gridwatch.problem.Conflicts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaching a photo to a case. Everything that can refuse it — size, content, decoding, the copies — happens
 * before the transaction; the transaction locks the case, checks the limits and the {@code Idempotency-Key}, and
 * stores the row with its bytes at once, so a refused or interrupted upload leaves nothing and an answered one is
 * committed. A retry with the same key (and the same bytes and kind) answers the photo stored the first time.
 */
@Service
class Attachments {
  /** The photo as listed, and whether this call stored it (false: a retry answered with the earlier one). */
  record Attached(CaseMedia.Item item, boolean created) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MediaStore store;
  private final MediaSettings settings;
  private final CaseAccess cases;
  private final TransactionTemplate tx;
  private final Renditions renditions;
  private final Clock clock;

  Attachments(MediaStore store, MediaSettings settings, CaseAccess cases, PlatformTransactionManager transactions, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.cases = cases;
    this.tx = new TransactionTemplate(transactions);
    this.renditions = new Renditions(settings.publicMaxPx, settings.thumbnailPx, settings.maxPixels);
    this.clock = clock;
  }

  Attached attach(CaseAccess.Reader reader, MediaKind kind, byte[] upload, String key, boolean zh) {
    if (!reader.staff() && kind != MediaKind.REPORT) throw MediaRefusals.reporterKind(zh);
    if (upload.length == 0) throw MediaRefusals.empty(zh);
    if (upload.length > settings.maxBytes) throw MediaRefusals.tooLarge(zh, settings.maxBytes);
    ImageFormat format = ImageFormat.of(upload).orElseThrow(() -> MediaRefusals.notAnImage(zh));
    String hash = hash(kind, upload);
    Optional<Attached> earlier = replay(reader, key, hash, zh);
    if (earlier.isPresent()) return earlier.get();
    Renditions.Made made = null;
    if (format.decodable) {
      try {
        made = renditions.make(upload, format);
      } catch (Renditions.Unreadable e) {
        throw e.tooManyPixels ? MediaRefusals.tooManyPixels(zh, e.getMessage()) : MediaRefusals.unreadable(zh, e.getMessage());
      }
    }
    Renditions.Made copies = made;
    try {
      return tx.execute(status -> store(reader, kind, format, upload, copies, key, hash, zh));
    } catch (RuntimeException e) {
      // Another call with the same key stored first: answer its photo.
      if (key == null || !Conflicts.lostRace(e)) throw e;
      return replay(reader, key, hash, zh).orElseThrow(() -> e);
    }
  }

  private Attached store(CaseAccess.Reader reader, MediaKind kind, ImageFormat format, byte[] upload, Renditions.Made made,
      String key, String hash, boolean zh) {
    cases.lock(reader.incidentId());
    Optional<Attached> earlier = replay(reader, key, hash, zh);
    if (earlier.isPresent()) return earlier.get();
    if (store.count(reader.incidentId(), null) >= settings.maxPerCase) throw MediaRefusals.tooMany(zh, settings.maxPerCase, false);
    if (!reader.staff() && store.count(reader.incidentId(), reader.who()) >= settings.maxFromReporter) {
      throw MediaRefusals.tooMany(zh, settings.maxFromReporter, true);
    }
    MediaStore.Row row = new MediaStore.Row(0, newId(), reader.incidentId(), kind, format.contentType, upload.length,
        made == null ? null : made.width(), made == null ? null : made.height(), made == null ? null : made.publicType(),
        clock.instant(), reader.who(), hash);
    MediaStore.Row stored = store.insert(row, key, upload, made == null ? null : made.publicCopy(), made == null ? null : made.thumbnail());
    return new Attached(MediaListing.item(stored, reader.publicId(), reader.staff()), true);
  }

  private Optional<Attached> replay(CaseAccess.Reader reader, String key, String hash, boolean zh) {
    if (key == null) return Optional.empty();
    return store.byKey(reader.incidentId(), key).map(r -> {
      if (!hash.equals(r.requestHash())) throw MediaRefusals.keyReused(zh);
      return new Attached(MediaListing.item(r, reader.publicId(), reader.staff()), false);
    });
  }

  private static String hash(MediaKind kind, byte[] upload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(kind.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(upload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
