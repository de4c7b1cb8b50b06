package org.gridwatch.hotline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.gridwatch.incident.RequestType;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;

/**
 * A 12345 work order as the hotline hands it over (JSON body, or one CSV row). {@code signBy} absent: received plus
 * the configured signing limit; {@code category} absent: the configured default; {@code lon}/{@code lat} (WGS84) absent:
 * placed by the address, or queued to be located. The caller is sealed: never on a public read, never logged.
 */
public record TicketRequest(String ticketNumber, Instant receivedAt, Instant signBy, Instant dueBy, RequestType requestType,
    String category, String content, String address, Double lon, Double lat, Caller caller) {

  public record Caller(String name, String phone) {}

  static final int MAX_CONTENT = 4000;
  /** Ticket numbers travel in paths: letters, digits, dot, dash and underscore. */
  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** The same request with its text trimmed, blank optional values as absent. */
  TicketRequest normalised() {
    Caller c = caller == null ? null : new Caller(blankToNull(caller.name()), blankToNull(caller.phone()));
    return new TicketRequest(ticketNumber == null ? null : ticketNumber.strip(), receivedAt, signBy, dueBy, requestType,
        blankToNull(category), content == null ? null : content.strip(), blankToNull(address), lon, lat,
        c == null || (c.name() == null && c.phone() == null) ? null : c);
  }

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** A time a hotline can mean, and both stores can keep: from 2000 to 2100. */
  static boolean plausible(Instant t) { return !t.isBefore(EARLIEST) && t.isBefore(LATEST); }

  /** What is wrong with the request's form, each naming its field; empty when it may be received. */
  List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    if (ticketNumber == null || !NUMBER.matcher(ticketNumber).matches()) {
      errors.add(new FieldError("ticketNumber", Text.of("hotline.ticket-number-form")));
    }
    if (receivedAt == null) errors.add(new FieldError("receivedAt", Text.of("hotline.required")));
    for (var when : java.util.Map.of("receivedAt", java.util.Optional.ofNullable(receivedAt), "signBy",
        java.util.Optional.ofNullable(signBy), "dueBy", java.util.Optional.ofNullable(dueBy)).entrySet()) {
      if (when.getValue().isPresent() && !plausible(when.getValue().get())) {
        errors.add(new FieldError(when.getKey(), Text.of("hotline.time-range")));
        return errors; // a time past the stores' range would fail the comparisons below
      }
    }
    if (dueBy == null) errors.add(new FieldError("dueBy", Text.of("hotline.required")));
    if (receivedAt != null && dueBy != null && !dueBy.isAfter(receivedAt)) {
      errors.add(new FieldError("dueBy", Text.of("hotline.after-received")));
    }
    if (receivedAt != null && signBy != null && !signBy.isAfter(receivedAt)) {
      errors.add(new FieldError("signBy", Text.of("hotline.after-received")));
    }
    if (requestType == null) errors.add(new FieldError("requestType", Text.of("hotline.required")));
    if (category != null && category.length() > 30) errors.add(new FieldError("category", Text.of("hotline.at-most-x-characters", "30")));
    if (content == null || content.isEmpty() || content.length() > MAX_CONTENT) {
      errors.add(new FieldError("content", Text.of("hotline.between-1-and-x-characters", String.valueOf(MAX_CONTENT))));
    }
    if (address != null && address.length() > 200) errors.add(new FieldError("address", Text.of("hotline.at-most-x-characters", "200")));
    if ((lon == null) != (lat == null)) {
      errors.add(new FieldError(lon == null ? "lon" : "lat", Text.of("hotline.lon-lat-together")));
    }
    if (lon != null && (!Double.isFinite(lon) || lon < -180 || lon > 180)) errors.add(new FieldError("lon", Text.of("hotline.lon-range")));
    if (lat != null && (!Double.isFinite(lat) || lat < -90 || lat > 90)) errors.add(new FieldError("lat", Text.of("hotline.lat-range")));
    if (caller != null && caller.name() != null && caller.name().length() > 60) {
      errors.add(new FieldError("caller.name", Text.of("hotline.at-most-x-characters", "60")));
    }
    if (caller != null && caller.phone() != null && caller.phone().length() > 30) {
      errors.add(new FieldError("caller.phone", Text.of("hotline.at-most-x-characters", "30")));
    }
    return errors;
  }

  /** A fingerprint of everything the request says: a repeat with the same number must carry the same one. */
  String hash() {
    String canonical = String.join("\u001f", ticketNumber, String.valueOf(receivedAt), String.valueOf(signBy),
        String.valueOf(dueBy), String.valueOf(requestType), String.valueOf(category), content, String.valueOf(address),
        String.valueOf(lon), String.valueOf(lat), caller == null ? "" : caller.name() + "\u001e" + caller.phone());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
