package org.gridwatch.skynet;

import org.gridwatch.problem.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.problem.ProblemException.FieldError;

/**
 * Reads one camera from named text values (a JSON object, a GeoJSON feature's properties, or a CSV row) and
 * checks every field, naming each problem with {@code prefix} (e.g. {@code rows[7].}). Fields: code, name,
 * lon, lat, type (FIXED, PTZ, DOME, MINI_DOME), heading (0–360, clockwise from north), fov (0–360; 360 for PTZ and dome, 110 by default for a mini-dome),
 * range (metres, up to 500), mount_height (metres), status (ONLINE, OFFLINE, FAULT), key_area, install_date.
 */
final class CameraInput {
  private CameraInput() {}

  static CameraView read(Map<String, String> v, String prefix, List<FieldError> errors) {
    String code = text(v, "code", prefix, 20, true, errors);
    if (code != null && !code.matches("[A-Za-z0-9-]{2,20}")) errors.add(new FieldError(prefix + "code", Text.of("skynet.letters-digits-and-only-2")));
    String name = text(v, "name", prefix, 100, false, errors);
    double lon = number(v, "lon", prefix, -180, 180, null, errors), lat = number(v, "lat", prefix, -90, 90, null, errors);
    CameraType type = choice(v, "type", prefix, CameraType.class, CameraType.FIXED, errors);
    double heading = number(v, "heading", prefix, 0, 360, 0.0, errors);
    if (heading == 360) heading = 0;
    double fov = number(v, "fov", prefix, 0.1, 360, type == null ? null : type.defaultFov(), errors);
    double range = number(v, "range", prefix, 1, 500, null, errors);
    double mount = number(v, "mount_height", prefix, 0, 100, 6.0, errors);
    CameraStatus status = choice(v, "status", prefix, CameraStatus.class, CameraStatus.ONLINE, errors);
    String key = v.get("key_area");
    boolean keyArea = key != null && (key.equalsIgnoreCase("true") || key.equals("1") || key.equalsIgnoreCase("yes"));
    LocalDate installed = LocalDate.of(2024, 1, 1);
    String date = v.get("install_date");
    if (date != null && !date.isBlank()) {
      try {
        installed = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(prefix + "install_date", Text.of("skynet.x-not-date-like-2024", date)));
      }
    }
    return new CameraView(code, name == null ? code : name, lon, lat, type, heading, fov, range, mount, status, keyArea,
        installed, null, false);
  }

  private static String text(Map<String, String> v, String field, String prefix, int max, boolean required, List<FieldError> errors) {
    String s = v.get(field);
    if (s == null || s.isBlank()) {
      if (required) errors.add(new FieldError(prefix + field, Text.of("skynet.required")));
      return null;
    }
    s = s.strip();
    if (s.length() > max) errors.add(new FieldError(prefix + field, Text.of("skynet.at-most-x-characters", max)));
    return s;
  }

  private static double number(Map<String, String> v, String field, String prefix, double min, double max, Double fallback,
      List<FieldError> errors) {
    String s = v.get(field);
    if (s == null || s.isBlank()) {
      if (fallback == null) errors.add(new FieldError(prefix + field, Text.of("skynet.required")));
      return fallback == null ? Double.NaN : fallback;
    }
    try {
      double d = Double.parseDouble(s.strip());
      if (!Double.isFinite(d)) errors.add(new FieldError(prefix + field, Text.of("skynet.must-finite-number")));
      else if (d < min || d > max) errors.add(new FieldError(prefix + field, Text.of("skynet.x-outside-x-x", d, min, max)));
      return d;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(prefix + field, Text.of("skynet.x-not-number", s)));
      return Double.NaN;
    }
  }

  private static <E extends Enum<E>> E choice(Map<String, String> v, String field, String prefix, Class<E> type, E fallback,
      List<FieldError> errors) {
    String s = v.get(field);
    if (s == null || s.isBlank()) return fallback;
    try {
      return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(prefix + field, Text.of("skynet.x-not-one-x", s, java.util.Arrays.toString(type.getEnumConstants()))));
      return fallback;
    }
  }
}
