package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts of boundary edits, for PLANNER and ADMIN. {@code POST /api/v1/drafts}
 * {@code {"name": "…", "kind": "reshape|split|merge|buildings", "code": "…", "edit": {…the edit's body…}}};
 * {@code GET /api/v1/drafts} (open ones, newest first), {@code GET /api/v1/drafts/{id}} (with its preview),
 * {@code POST /api/v1/drafts/{id}/commit}, {@code DELETE /api/v1/drafts/{id}} (discard).
 */
@RestController
class DraftController {
  private final Drafts drafts;
  private final JsonMapper json;

  DraftController(Drafts drafts, JsonMapper json) {
    this.drafts = drafts;
    this.json = json;
  }

  @PostMapping("/api/v1/drafts")
  ResponseEntity<Map<String, Object>> save(@jakarta.validation.Valid @RequestBody DraftRequest body, Authentication auth) {
    EditSupport.mayRedraw(auth);
    if (body.code() == null && !"merge".equals(body.kind())) throw org.gridwatch.problem.ProblemException.badInput("code", Text.of("redistrict.area-edit"));
    EditDraft d = drafts.save(body.name(), body.kind(), body.code(), body.edit(), auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/drafts/" + d.id())).body(view(d, true));
  }

  @GetMapping("/api/v1/drafts")
  List<Map<String, Object>> open(Authentication auth) {
    EditSupport.mayRedraw(auth);
    return drafts.open().stream().map(d -> view(d, false)).toList();
  }

  @GetMapping("/api/v1/drafts/{id}")
  Map<String, Object> one(@PathVariable String id, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return view(drafts.find(id), true);
  }

  @PostMapping("/api/v1/drafts/{id}/commit")
  ResponseEntity<EditCommit.Committed> commit(@PathVariable String id, @RequestBody(required = false) JsonNode body,
      @org.springframework.web.bind.annotation.RequestParam(required = false) Boolean confirm, Authentication auth) {
    EditSupport.mayRedraw(auth);
    EditDraft d = drafts.find(id);
    EditCommit.Committed c = drafts.commit(id, ReshapeController.actor(auth, body, confirm));
    return ReshapeController.answer(c.created().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED, d.code(), c);
  }

  @DeleteMapping("/api/v1/drafts/{id}")
  ResponseEntity<Void> discard(@PathVariable String id, Authentication auth) {
    EditSupport.mayRedraw(auth);
    drafts.discard(id, auth.getName());
    return ResponseEntity.noContent().build();
  }

  private Map<String, Object> view(EditDraft d, boolean full) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("name", d.name());
    m.put("kind", d.kind());
    m.put("code", d.code());
    m.put("status", d.status().name().toLowerCase());
    m.put("createdBy", d.createdBy());
    m.put("createdAt", d.createdAt());
    m.put("decidedBy", d.decidedBy());
    m.put("decidedAt", d.decidedAt());
    if (full) {
      m.put("edit", json.readTree(d.request()));
      m.put("preview", json.readTree(d.preview()));
      m.put("outcome", d.outcome() == null ? null : json.readTree(d.outcome()));
    } else {
      JsonNode p = json.readTree(d.preview());
      m.put("warnings", p.get("warnings"));
      m.put("touched", p.get("touched").size());
    }
    return m;
  }
}
