package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Committed boundary edits, for PLANNER and ADMIN: {@code GET /api/v1/edits} (newest first, {@code ?limit=} 1–200),
 * {@code GET /api/v1/edits/{id}}, and {@code POST /api/v1/edits/{id}/revert}: a new edit restoring what the edit
 * changed (see {@link EditRevert}), answered like any commit.
 */
@RestController
class EditController {
  /** An edit as listed: every area it touched with its versions before and after, and which edit it reverts or was reverted by. */
  record EditView(String id, String kind, String parent, String committedBy, Instant committedAt, String reverts, String revertedBy,
      List<EditRecord.Touched> areas) {
    static EditView of(EditRecord r) {
      return new EditView(r.id(), r.kind(), r.parentCode(), r.committedBy(), r.committedAt(), r.reverts(), r.revertedBy(), r.areas());
    }
  }

  private final EditLog log;
  private final EditRevert revert;

  EditController(EditLog log, EditRevert revert) {
    this.log = log;
    this.revert = revert;
  }

  @GetMapping("/api/v1/edits")
  List<EditView> newest(@RequestParam(defaultValue = "50") int limit, Authentication auth) {
    EditSupport.mayRedraw(auth);
    if (limit < 1 || limit > 200) throw org.gridwatch.problem.ProblemException.badInput("limit", Text.of("edit.limit-range", 1, 200));
    return log.newest(limit).stream().map(EditView::of).toList();
  }

  @GetMapping("/api/v1/edits/{id}")
  EditView one(@PathVariable String id, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return EditView.of(log.find(id));
  }

  @PostMapping("/api/v1/edits/{id}/revert")
  ResponseEntity<EditCommit.Committed> revert(@PathVariable String id, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return ResponseEntity.status(HttpStatus.CREATED).body(revert.revert(id, new EditCommit.Actor(auth.getName(),
        org.gridwatch.security.Role.of(auth), true)));
  }
}
