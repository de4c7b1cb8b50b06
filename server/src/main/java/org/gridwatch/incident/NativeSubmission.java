package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.geo.Crs;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Point;

/**
 * Turns a {@link ReportRequest} (already bound and checked for types and lengths) into a {@link Submission},
 * collecting every remaining problem with the field it concerns: unknown members, the {@code crs}, the
 * {@code location} (a GeoJSON Point), the media links and who may name the {@code channel}.
 */
final class NativeSubmission {
  private NativeSubmission() {}

  static Submission read(ReportRequest body, Actor actor) {
    List<FieldError> errors = new ArrayList<>();
    body.unknownMembers().stream().sorted().forEach(name -> errors.add(new FieldError(name,
        Text.of("incident.unknown-member-allowed-x", String.join(", ", ReportRequest.MEMBERS.stream().sorted().toList())))));
    Crs crs = Crs.parse(body.crs()).orElse(null);
    if (crs == null) errors.add(new FieldError("crs", Text.of("incident.unknown-crs-x-use-one", body.crs(), Crs.names())));
    double lon = Double.NaN, lat = Double.NaN;
    try {
      var g = GeoJson.read(body.location(), "location");
      if (g instanceof Point p && !p.isEmpty()) {
        lon = p.getX();
        lat = p.getY();
      } else {
        errors.add(new FieldError("location", Text.of("incident.must-geojson-point")));
      }
    } catch (GeoJson.InvalidGeoJson e) {
      errors.add(new FieldError(e.field(), e.reason()));
    }
    List<String> media = mediaUrls(body.mediaUrls() == null ? null : java.util.Arrays.asList(body.mediaUrls()), errors);
    if (body.channel() != null && !mayName(actor, body.channel())) {
      errors.add(new FieldError("channel", actor.has(Role.GRID_WORKER) ? Text.of("incident.grid-worker-reports-as-patrol") : Text.of("incident.only-command-centre-names-channel")));
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    ReportRequest.Reporter r = body.reporter();
    String account = actor == Actor.ANONYMOUS_RESIDENT ? null : actor.username();
    Submission.Reporter reporter = r == null ? new Submission.Reporter(null, null, null, null, account)
        : new Submission.Reporter(strip(r.name()), strip(r.phone()), strip(r.email()), null, account);
    return new Submission(body.category().strip(), lon, lat, crs, strip(body.address()), body.description().strip(), media,
        body.priority(), body.kind(), body.channel() != null ? body.channel() : channelOf(actor), reporter,
        Submission.Fields.NATIVE, body.requestType()).withPublicText(Boolean.TRUE.equals(body.publicText()));
  }

  /** The command centre names any channel; a grid worker says whether they found it on patrol (巡查上报). */
  private static boolean mayName(Actor actor, Channel channel) {
    return actor.commandCentre() || actor.has(Role.GRID_WORKER) && (channel == Channel.PATROL || channel == Channel.GRID_MEMBER);
  }

  /** The channel a report comes through, from who sends it. */
  static Channel channelOf(Actor actor) {
    if (actor.has(Role.GRID_WORKER)) return Channel.GRID_MEMBER;
    if (actor.has(Role.POLICE)) return Channel.POLICE;
    if (actor.commandCentre()) return Channel.HOTLINE;
    return Channel.RESIDENT_WEB;
  }

  private static String strip(String s) { return s == null || s.isBlank() ? null : s.strip(); }

  static List<String> mediaUrls(List<String> urls, List<FieldError> errors) {
    List<String> out = new ArrayList<>();
    if (urls == null) return out;
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      if (!Submission.isWebUrl(url)) errors.add(new FieldError("mediaUrls[" + i + "]", Text.of("incident.must-http-or-https-url")));
      else out.add(url);
    }
    return out;
  }
}
