package org.gridwatch.governance;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.governance.GovernanceAnswers.BodyAnswer;
import org.gridwatch.governance.GovernanceAnswers.BodySummary;
import org.gridwatch.governance.GovernanceAnswers.CommunityCoverage;
import org.gridwatch.governance.GovernanceAnswers.MemberAnswer;
import org.gridwatch.governance.GovernanceAnswers.PartyMemberAnswer;
import org.gridwatch.governance.GovernanceRequests.EndOn;
import org.gridwatch.governance.GovernanceRequests.NewBody;
import org.gridwatch.governance.GovernanceRequests.NewMember;
import org.gridwatch.governance.GovernanceRequests.NewPartyMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bodies} (constitute, dissolve, members and terms; read by anyone, members' phones only for staff),
 * {@code /api/v1/party-members} and {@code /api/v1/party-organisation} (staff).
 */
@RestController
class GovernanceController {
  private final BodyRegister register;
  private final Memberships memberships;
  private final BodyReads reads;
  private final PartyMembers partyMembers;
  private final PartyCoverage coverage;
  private final GovernanceAccess access;

  GovernanceController(BodyRegister register, Memberships memberships, BodyReads reads, PartyMembers partyMembers,
      PartyCoverage coverage, GovernanceAccess access) {
    this.register = register;
    this.memberships = memberships;
    this.reads = reads;
    this.partyMembers = partyMembers;
    this.coverage = coverage;
    this.access = access;
  }

  @PostMapping("/api/v1/bodies")
  ResponseEntity<BodyAnswer> constitute(@Valid @RequestBody NewBody request, Authentication auth) {
    long id = register.constitute(request, access.callerOf(auth));
    return ResponseEntity.created(URI.create("/api/v1/bodies/" + id)).body(reads.view(id, true));
  }

  @PostMapping("/api/v1/bodies/{id}/dissolve")
  BodyAnswer dissolve(@PathVariable long id, @RequestBody(required = false) EndOn request, Authentication auth) {
    register.dissolve(id, request == null ? null : request.on(), access.callerOf(auth));
    return reads.view(id, true);
  }

  @GetMapping("/api/v1/bodies")
  List<BodySummary> list(@RequestParam(required = false) String community, @RequestParam(required = false) String grid,
      @RequestParam(required = false) BodyKind kind, @RequestParam(defaultValue = "true") boolean active) {
    return reads.list(blankToNull(community), blankToNull(grid), kind, active);
  }

  @GetMapping("/api/v1/bodies/{id}")
  BodyAnswer view(@PathVariable long id, Authentication auth) { return reads.view(id, access.callerOf(auth).staff()); }

  @PostMapping("/api/v1/bodies/{id}/members")
  ResponseEntity<MemberAnswer> addMember(@PathVariable long id, @Valid @RequestBody NewMember request, Authentication auth) {
    long member = memberships.add(id, request, access.callerOf(auth));
    MemberAnswer answer = reads.view(id, true).members().stream().filter(m -> m.id() == member).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/bodies/" + id + "/members/" + member)).body(answer);
  }

  @PostMapping("/api/v1/bodies/{id}/members/{member}/end")
  BodyAnswer endTerm(@PathVariable long id, @PathVariable long member, @RequestBody(required = false) EndOn request,
      Authentication auth) {
    memberships.end(id, member, request == null ? null : request.on(), access.callerOf(auth));
    return reads.view(id, true);
  }

  @PostMapping("/api/v1/party-members")
  ResponseEntity<PartyMemberAnswer> registerPartyMember(@Valid @RequestBody NewPartyMember request, Authentication auth) {
    long id = partyMembers.register(request, access.callerOf(auth));
    return ResponseEntity.created(URI.create("/api/v1/party-members/" + id)).body(partyMembers.view(id));
  }

  @GetMapping("/api/v1/party-members")
  List<PartyMemberAnswer> partyMembers(@RequestParam(required = false) String community,
      @RequestParam(required = false) Boolean dualReport) {
    return partyMembers.list(blankToNull(community), dualReport);
  }

  @GetMapping("/api/v1/party-organisation")
  List<CommunityCoverage> coverage(@RequestParam(required = false) String community) {
    return coverage.communities(blankToNull(community));
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
