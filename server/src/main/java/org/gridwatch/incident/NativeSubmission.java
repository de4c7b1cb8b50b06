package org.gridwatch.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridwatch.geo.Crs;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of {@code POST /api/v1/incidents} into a {@link Submission}, collecting every problem
 * with the field it concerns: {@code category}, {@code location} (a GeoJSON Point), {@code crs}, {@code description}
 * (1–4,000 characters), {@code address}, {@code mediaUrls} (http(s), at most 5), {@code priority}, {@code kind},
 * {@code channel} (command centre only) and {@code reporter} {name, phone, email}. Unknown members are refused.
 */
final class NativeSubmission {
  private static final Set<String> MEMBERS = Set.of("category", "location", "crs", "description", "address", "publicText",
      "mediaUrls", "priority", "kind", "channel", "reporter", "requestType");

  private NativeSubmission() {}

  static Submission read(JsonNode body, Actor actor) {
    if (body == null || !body.isObject()) throw ProblemException.badInput("body", "must be a JSON object");
    List<FieldError> errors = new ArrayList<>();
    body.propertyNames().forEach(name -> {
      if (!MEMBERS.contains(name)) errors.add(new FieldError(name, "unknown member; allowed: " + String.join(", ", MEMBERS.stream().sorted().toList())));
    });
    String category = text(body, "category", 30, true, errors);
    Crs crs = Crs.parse(text(body, "crs", 20, false, errors)).orElse(null);
    if (crs == null) errors.add(new FieldError("crs", "unknown CRS '" + body.get("crs").asString() + "'; use one of " + Crs.names()));
    double lon = Double.NaN, lat = Double.NaN;
    try {
      var g = GeoJson.read(body.get("location"), "location");
      if (g instanceof Point p && !p.isEmpty()) {
        lon = p.getX();
        lat = p.getY();
      } else {
        errors.add(new FieldError("location", "must be a GeoJSON Point"));
      }
    } catch (GeoJson.InvalidGeoJson e) {
      errors.add(new FieldError(e.field(), e.reason()));
    }
    String description = text(body, "description", Submission.MAX_DESCRIPTION, true, errors);
    String address = text(body, "address", 200, false, errors);
    List<String> media = mediaUrls(body.get("mediaUrls"), errors);
    Priority priority = choice(body, "priority", Priority.class, errors);
    Kind kind = choice(body, "kind", Kind.class, errors);
    Channel channel = choice(body, "channel", Channel.class, errors);
    RequestType requestType = choice(body, "requestType", RequestType.class, errors);
    if (channel != null && !actor.commandCentre()) errors.add(new FieldError("channel", "only the command centre names the channel"));
    JsonNode r = body.get("reporter");
    Submission.Reporter reporter = Submission.Reporter.NONE;
    if (r != null && !r.isNull()) {
      if (!r.isObject()) {
        errors.add(new FieldError("reporter", "must be an object with name, phone, email"));
      } else {
        reporter = new Submission.Reporter(text(r, "name", 60, false, errors), text(r, "phone", 30, false, errors),
            text(r, "email", 120, false, errors), null, null);
      }
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    String account = actor == Actor.ANONYMOUS_RESIDENT ? null : actor.username();
    reporter = new Submission.Reporter(reporter.name(), reporter.phone(), reporter.email(), null, account);
    return new Submission(category, lon, lat, crs, address, description, media, priority, kind,
        channel != null ? channel : channelOf(actor), reporter, Submission.Fields.NATIVE, requestType)
        .withPublicText(publicText(body, errors));
  }

  /** {@code publicText}: whether the reporter lets anyone read their words (masked); absent means no. */
  private static boolean publicText(JsonNode body, List<FieldError> errors) {
    JsonNode v = body.get("publicText");
    if (v == null || v.isNull()) return false;
    if (!v.isBoolean()) throw ProblemException.badInput("publicText", "must be true or false");
    return v.booleanValue();
  }

  /** The channel a report comes through, from who sends it. */
  static Channel channelOf(Actor actor) {
    if (actor.has(Role.GRID_WORKER)) return Channel.GRID_MEMBER;
    if (actor.has(Role.POLICE)) return Channel.POLICE;
    if (actor.commandCentre()) return Channel.HOTLINE;
    return Channel.RESIDENT_WEB;
  }

  private static String text(JsonNode body, String field, int max, boolean required, List<FieldError> errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!n.isString()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    String v = n.asString().strip();
    if (required && v.isEmpty()) errors.add(new FieldError(field, "must not be empty"));
    if (v.length() > max) errors.add(new FieldError(field, "is " + v.length() + " characters long; at most " + max));
    return v.isEmpty() ? null : v;
  }

  private static <E extends Enum<E>> E choice(JsonNode body, String field, Class<E> type, List<FieldError> errors) {
    String v = text(body, field, 30, false, errors);
    if (v == null) return null;
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  static List<String> mediaUrls(JsonNode n, List<FieldError> errors) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (!n.isArray()) {
      errors.add(new FieldError("mediaUrls", "must be an array of URLs"));
      return out;
    }
    if (n.size() > 5) errors.add(new FieldError("mediaUrls", "at most 5 URLs"));
    for (int i = 0; i < n.size(); i++) {
      String url = n.get(i).isString() ? n.get(i).asString() : "";
      if (!Submission.isWebUrl(url)) errors.add(new FieldError("mediaUrls[" + i + "]", "must be an http or https URL of at most 300 characters"));
      else out.add(url);
    }
    return out;
  }


}
