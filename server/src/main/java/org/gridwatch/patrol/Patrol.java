package org.gridwatch.patrol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.gridwatch.groundnet.Mode;
import org.locationtech.jts.geom.LineString;

/**
 * One patrol as walked: who walks it (account and roster person), on which route and grid if any, how (mode and the
 * strip it covers each side, as a planned route's), and what has been accepted so far — the count, the last accepted
 * fix (what the next one is judged against) and the length. Ending it stores the track.
 */
@Entity
@Table(name = "patrol")
class Patrol {
  enum Status { ACTIVE, ENDED }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patrol_seq")
  @SequenceGenerator(name = "patrol_seq", sequenceName = "patrol_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false) private String owner;
  private String personCode;
  private String routeCode;
  private String gridCode;
  @Enumerated(EnumType.STRING) private Mode mode;
  @Column(name = "width_m") private double widthM;
  @Enumerated(EnumType.STRING) private Status status;
  private Instant startedAt;
  private Instant endedAt;
  @Column(name = "length_m") private double lengthM;
  private int pointCount;
  private Double lastLon;
  private Double lastLat;
  private Instant lastAt;
  private Double lastAccuracy;
  private LineString track;
  /** The start request's Idempotency-Key: a phone resending the start gets this patrol, not a second one. */
  private String startKey;
  @Version private int version;

  protected Patrol() {}

  void startedWith(String key) { this.startKey = key; }

  Patrol(String owner, String personCode, String routeCode, String gridCode, Mode mode, double widthM, Instant startedAt) {
    this.owner = owner;
    this.personCode = personCode;
    this.routeCode = routeCode;
    this.gridCode = gridCode;
    this.mode = mode;
    this.widthM = widthM;
    this.status = Status.ACTIVE;
    this.startedAt = startedAt;
  }

  /** The last accepted fix, or null before the first. */
  Fix last() { return lastAt == null ? null : new Fix(lastLon, lastLat, lastAt, lastAccuracy); }

  /** Counts an accepted fix, {@code metres} from the one before. */
  void accepted(Fix f, double metres) {
    lastLon = f.lon();
    lastLat = f.lat();
    lastAt = f.at();
    lastAccuracy = f.accuracy();
    lengthM += metres;
    pointCount++;
  }

  void end(Instant at, LineString track) {
    this.status = Status.ENDED;
    this.endedAt = at;
    this.track = track;
  }

  Long getId() { return id; }
  String getOwner() { return owner; }
  String getPersonCode() { return personCode; }
  String getRouteCode() { return routeCode; }
  String getGridCode() { return gridCode; }
  Mode getMode() { return mode; }
  double getWidthM() { return widthM; }
  Status getStatus() { return status; }
  Instant getStartedAt() { return startedAt; }
  Instant getEndedAt() { return endedAt; }
  double getLengthM() { return lengthM; }
  int getPointCount() { return pointCount; }
  LineString getTrack() { return track; }
}
