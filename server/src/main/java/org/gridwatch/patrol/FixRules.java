package org.gridwatch.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.Mode;
import org.locationtech.jts.geom.Envelope;

/**
 * Whether a well-formed GPS fix is plausible for a patrol, and if not why (a reason code the field app translates).
 * In order: inside the district's extent grown by a margin, not later than now plus a small clock skew, not before the
 * patrol started, accurate enough, later than the last accepted fix (an equal time is a duplicate), and reachable from
 * it at the mode's top speed — the two fixes' accuracy radii are allowed for, so a jittery but slow walk passes while
 * a jump across the district does not. Pure and thread-safe.
 */
final class FixRules {
  /** Top speeds in m/s: a running officer, a fast bicycle, a car in town. */
  static final Map<Mode, Double> TOP_SPEED = Map.of(Mode.FOOT, 4.0, Mode.BIKE, 12.0, Mode.CAR, 35.0);

  private final Envelope extent;
  private final double maxAccuracyM;
  private final Duration clockSkew;

  /** {@code extent}: the district's WGS84 envelope, already grown by the margin. */
  FixRules(Envelope extent, double maxAccuracyM, Duration clockSkew) {
    this.extent = extent;
    this.maxAccuracyM = maxAccuracyM;
    this.clockSkew = clockSkew;
  }

  double maxAccuracyM() { return maxAccuracyM; }

  /** Whether a WGS84 position lies in the district's extent grown by the margin. */
  boolean inExtent(double lon, double lat) { return extent.contains(lon, lat); }

  /** The district's envelope grown by {@code marginM} metres each way (degrees per metre taken at its middle). */
  static Envelope grown(Envelope district, double marginM) {
    double midLat = Math.toRadians((district.getMinY() + district.getMaxY()) / 2);
    double dLat = marginM / 111_320.0, dLon = marginM / (111_320.0 * Math.max(0.1, Math.cos(midLat)));
    Envelope e = new Envelope(district);
    e.expandBy(dLon, dLat);
    return e;
  }

  /** Why the fix is rejected, given the patrol's start, its mode and the last accepted fix (null before the first). */
  Optional<Rejection> judge(Fix f, Instant startedAt, Mode mode, Fix last, Instant now) {
    if (!inExtent(f.lon(), f.lat())) {
      return reject("outside-district", "(%.6f, %.6f) is far outside the district", f.lon(), f.lat());
    }
    if (f.at().isAfter(now.plus(clockSkew))) return reject("in-future", "%s is later than the server's clock allows", f.at());
    if (f.at().isBefore(startedAt)) return reject("before-start", "%s is before the patrol started (%s)", f.at(), startedAt);
    if (f.accuracy() > maxAccuracyM) {
      return reject("inaccurate", "accuracy %.0f m is poorer than the %.0f m accepted", f.accuracy(), maxAccuracyM);
    }
    if (last == null) return Optional.empty();
    if (f.at().equals(last.at())) return reject("duplicate", "a fix at %s was accepted already", f.at());
    if (f.at().isBefore(last.at())) return reject("out-of-order", "%s is earlier than the last accepted fix (%s)", f.at(), last.at());
    double metres = distanceM(last, f);
    double seconds = Duration.between(last.at(), f.at()).toMillis() / 1000.0;
    double speed = Math.max(0, metres - last.accuracy() - f.accuracy()) / seconds;
    if (speed > TOP_SPEED.get(mode)) {
      return reject("impossible-speed", "%.0f m in %.0f s is faster than a %s patrol moves", metres, seconds, mode.name().toLowerCase());
    }
    return Optional.empty();
  }

  static double distanceM(Fix a, Fix b) {
    return MetricProjection.distanceM(Geometries.point(a.lon(), a.lat()), Geometries.point(b.lon(), b.lat()));
  }

  /** A rejected fix: a stable reason code and an English explanation. */
  record Rejection(String reason, String detail) {}

  private static Optional<Rejection> reject(String reason, String format, Object... args) {
    return Optional.of(new Rejection(reason, String.format(java.util.Locale.ROOT, format, args)));
  }
}
