package org.gridwatch.volunteer;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/volunteers}: register (community and subdistrict staff in their area, admins), list and view masked,
 * the full record (audited), its audit (admins), and changes of skills, availability and star level.
 */
@RestController
class VolunteerController {
  private final Registration registration;
  private final Volunteers volunteers;
  private final VolunteerAccess access;
  private final org.gridwatch.area.AreaCatalog catalog;

  VolunteerController(Registration registration, Volunteers volunteers, VolunteerAccess access, org.gridwatch.area.AreaCatalog catalog) {
    this.catalog = catalog;
    this.registration = registration;
    this.volunteers = volunteers;
    this.access = access;
  }

  @PostMapping("/api/v1/volunteers")
  ResponseEntity<VolunteerView> register(@Valid @RequestBody RegistrationRequest request, Authentication auth) {
    VolunteerAccess.Reader reader = access.readerOf(auth);
    // An unknown grid is the registration's 422 (naming homeGrid), whoever asks; a known one outside the area a 403.
    if (catalog.now().find(request.homeGrid()).isPresent()) access.requireWrite(reader, request.homeGrid());
    long id = registration.register(request, null);
    return ResponseEntity.created(URI.create("/api/v1/volunteers/" + id)).body(volunteers.view(reader, id));
  }

  @GetMapping("/api/v1/volunteers")
  List<VolunteerView> list(@RequestParam(required = false) String grid, @RequestParam(required = false) String skill,
      @RequestParam(required = false) VolunteerKind kind, Authentication auth) {
    return volunteers.list(access.readerOf(auth), blankToNull(grid), blankToNull(skill), kind);
  }

  @GetMapping("/api/v1/volunteers/{id}")
  VolunteerView view(@PathVariable long id, Authentication auth) { return volunteers.view(access.readerOf(auth), id); }

  @GetMapping("/api/v1/volunteers/{id}/record")
  VolunteerRecord record(@PathVariable long id, Authentication auth) { return volunteers.record(access.readerOf(auth), id); }

  @GetMapping("/api/v1/volunteers/{id}/record-reads")
  List<RecordReads.RecordRead> recordReads(@PathVariable long id) { return volunteers.recordReads(id); }

  @PatchMapping("/api/v1/volunteers/{id}")
  VolunteerView change(@PathVariable long id, @Valid @RequestBody VolunteerChange change, Authentication auth) {
    return volunteers.change(access.readerOf(auth), id, change);
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
