package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named drafts of boundary edits. Saving one previews it (a refused edit is not saved) and keeps the preview with
 * the entity tags of every area it touches; committing it later runs the very same request, after checking that
 * none of those areas changed meanwhile (412: preview it again); discarding keeps it as a record.
 */
@Service
class Drafts {
  private final EditDraftRepository drafts;
  private final EditRequests requests;
  private final EditSupport edits;
  private final JsonMapper json;

  Drafts(EditDraftRepository drafts, EditRequests requests, EditSupport edits, JsonMapper json) {
    this.drafts = drafts;
    this.requests = requests;
    this.edits = edits;
    this.json = json;
  }

  @Transactional
  EditDraft save(String name, String kind, String code, JsonNode body, String actor) {
    if (name == null || name.isBlank() || name.length() > 200) throw ProblemException.badInput("name", Text.of("redistrict.name-1-200-characters"));
    EditPreview.Preview p = requests.preview(kind, code, body);
    Map<String, String> base = new LinkedHashMap<>();
    for (String c : p.touchedCodes()) base.put(c, edits.area(c).etag());
    String subject = EditRequests.subject(kind, code, body);
    return drafts.save(new EditDraft(UUID.randomUUID().toString(), name.strip(), kind, subject, json.writeValueAsString(base),
        json.writeValueAsString(body), json.writeValueAsString(EditPreview.view(p, json)), actor, edits.now()));
  }

  List<EditDraft> open() { return drafts.findByStatusOrderByCreatedAtDesc(EditDraft.Status.OPEN); }

  EditDraft find(String id) {
    return drafts.findById(id).orElseThrow(() -> ProblemException.notFound("unknown-draft", "Unknown draft", Text.of("redistrict.there-no-draft-x", id)));
  }

  @Transactional
  EditCommit.Committed commit(String id, EditCommit.Actor actor) {
    EditDraft d = stillOpen(id);
    JsonNode base = json.readTree(d.baseEtags());
    // Checked against the stored outlines under the edit's locks, not against the catalog: a commit of the same
    // areas that is still under way (or whose reload is) would otherwise pass unseen and be overwritten.
    List<String> codes = new java.util.ArrayList<>();
    base.properties().forEach(e -> codes.add(e.getKey()));
    Map<String, String> stored = edits.boundaries.lockedTags(codes);
    for (var e : base.properties()) {
      String now = stored.get(e.getKey());
      if (!now.equals(e.getValue().asString())) {
        throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-draft", "Draft is out of date",
            Text.of("redistrict.x-changed-since-draft-was", e.getKey(), e.getValue().asString(), now),
            List.of(new ProblemException.FieldError("draft", Text.of("redistrict.x-changed", e.getKey()))));
      }
    }
    EditCommit.Committed c = requests.commit(d.kind(), d.code(), json.readTree(d.request()), null, actor);
    d.decide(EditDraft.Status.COMMITTED, actor.name(), edits.now(), json.writeValueAsString(c));
    return c;
  }

  @Transactional
  void discard(String id, String actor) { stillOpen(id).decide(EditDraft.Status.DISCARDED, actor, edits.now(), null); }

  private EditDraft stillOpen(String id) {
    EditDraft d = find(id);
    if (d.status() != EditDraft.Status.OPEN) {
      throw new ProblemException(HttpStatus.CONFLICT, "draft-decided", "Draft already decided",
          Text.of("redistrict.draft-x-was-x-by", id, d.status().name().toLowerCase(), d.decidedBy(), d.decidedAt()), List.of());
    }
    return d;
  }
}
