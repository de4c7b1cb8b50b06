package org.gridwatch.media;

import java.util.List;
import org.gridwatch.incident.CaseMedia;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The photos a case view lists (the incident capability's {@link CaseMedia} port), with the paths of their copies. */
@Component
class MediaListing implements CaseMedia {
  private final MediaStore store;

  MediaListing(MediaStore store) { this.store = store; }

  @Override
  @Transactional(readOnly = true)
  public List<Item> of(long incidentId, String publicId, boolean staff) {
    return store.ofCase(incidentId).stream().map(r -> item(r, publicId, staff)).toList();
  }

  static Item item(MediaStore.Row r, String casePublicId, boolean staff) {
    String base = "/api/v1/incidents/" + casePublicId + "/media/" + r.publicId();
    boolean copies = r.publicType() != null;
    return new Item(r.publicId(), r.kind().name(), r.contentType(), r.bytes(), r.width(), r.height(), copies ? base : null,
        copies ? base + "/thumbnail" : null, r.uploadedAt(), staff ? base + "/original" : null);
  }
}
