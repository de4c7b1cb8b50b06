package org.gridwatch.groundnet;

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
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/** A ground-net patrol route: the line walked or driven, by which team, how, how wide, and when. */
@Entity
@Table(name = "patrol_route")
class PatrolRoute {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patrol_route_seq")
  @SequenceGenerator(name = "patrol_route_seq", sequenceName = "patrol_route_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  private String name;
  private MultiLineString geometry;
  private String teamCode;
  @Enumerated(EnumType.STRING) private Mode mode;
  @Column(name = "width_m") private double widthM;
  private String schedule;
  private boolean synthetic;
  @Version private int version;
  private Instant updatedAt;

  protected PatrolRoute() {}

  PatrolRoute(String code, boolean synthetic) {
    this.code = code;
    this.synthetic = synthetic;
  }

  void apply(RouteView v, Instant now) {
    this.name = v.name();
    this.geometry = v.line() instanceof MultiLineString m ? m
        : Geometries.FACTORY.createMultiLineString(new LineString[] {(LineString) v.line()});
    this.teamCode = v.teamCode();
    this.mode = v.mode();
    this.widthM = v.widthM();
    this.schedule = v.schedule().toJson();
    this.updatedAt = now;
  }

  RouteView view(java.time.ZoneId zone) {
    return new RouteView(code, name, geometry, teamCode, mode, widthM, Schedule.parse(schedule), synthetic, zone);
  }

  String getCode() { return code; }
}
