package org.gridwatch.open311;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.address.Geocoder;
import org.gridwatch.incident.Submission;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;

/**
 * Reads the form of {@code POST requests}: {@code service_code}, {@code lat} and {@code long} (WGS84) or, without
 * them, an {@code address_string} that names a standard address (placed at its building), {@code description} (at most 4,000 characters), {@code media_url},
 * {@code address_string}, and the reporter's private details (email, phone, first and last name, device id,
 * account id), which are kept but never shown by any GET.
 */
final class Open311Submission {
  private Open311Submission() {}

  static Submission read(HttpServletRequest r, Geocoder geocoder) {
    List<FieldError> errors = new ArrayList<>();
    String code = param(r, "service_code", 30, errors);
    if (code == null) errors.add(new FieldError("service_code", Text.of("open311.service-code-required")));
    String latText = r.getParameter("lat"), lonText = r.getParameter("long");
    double lat = Double.NaN, lon = Double.NaN;
    String addressOnly = latText == null && lonText == null ? r.getParameter("address_string") : null;
    if (addressOnly != null && !addressOnly.isBlank()) {
      // An address alone is placed at the building its standard address names (the geocoder's best, not a guess).
      var place = geocoder.place(addressOnly);
      if (place.isPresent()) {
        lat = place.get().lat();
        lon = place.get().lon();
      } else {
        errors.add(new FieldError("address_string", Text.of("open311.address-string-x-matches-no", addressOnly.strip())));
      }
    } else if (latText == null || lonText == null) {
      errors.add(new FieldError("lat", Text.of("open311.lat-and-long-required-or")));
    } else {
      lat = number(latText, "lat", errors);
      lon = number(lonText, "long", errors);
    }
    String description = param(r, "description", Submission.MAX_DESCRIPTION, errors);
    if (description == null) description = "(no description)";
    String media = param(r, "media_url", 300, errors);
    if (media != null && !Submission.isWebUrl(media)) errors.add(new FieldError("media_url", Text.of("open311.media-url-must-http-or")));
    String address = param(r, "address_string", 200, errors);
    String name = join(param(r, "first_name", 30, errors), param(r, "last_name", 30, errors));
    Submission.Reporter reporter = new Submission.Reporter(name, param(r, "phone", 30, errors), param(r, "email", 120, errors),
        param(r, "device_id", 120, errors), null);
    param(r, "account_id", 40, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.badInput(errors);
    }
    return new Submission(code, lon, lat, Open311Controller.CRS, address, description, media == null ? List.of() : List.of(media),
        null, null, Open311Controller.CHANNEL, reporter, new Submission.Fields("service_code", "lat"));
  }

  private static String param(HttpServletRequest r, String name, int max, List<FieldError> errors) {
    String v = r.getParameter(name);
    if (v == null || v.isBlank()) return null;
    v = v.strip();
    if (v.length() > max) errors.add(new FieldError(name, Text.of("open311.x-x-characters-long-at", name, v.length(), max)));
    return v;
  }

  private static double number(String text, String field, List<FieldError> errors) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) errors.add(new FieldError(field, Text.of("open311.x-must-finite-number", field)));
      return v;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, Text.of("open311.x-x-not-number", field, text)));
      return Double.NaN;
    }
  }



  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + " " + b;
  }
}
