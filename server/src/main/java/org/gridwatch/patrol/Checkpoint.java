package org.gridwatch.patrol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Point;

/** A key point of a patrol route (签到点): a patrol on the route checks in when it comes within the radius. */
@Entity
@Table(name = "route_checkpoint")
class Checkpoint {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "route_checkpoint_seq")
  @SequenceGenerator(name = "route_checkpoint_seq", sequenceName = "route_checkpoint_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false) private String routeCode;
  @Column(nullable = false, unique = true) private String code;
  @Column(nullable = false) private String name;
  @Column(nullable = false) private Point location;
  @Column(name = "radius_m") private double radiusM;

  protected Checkpoint() {}

  Checkpoint(CheckpointView v) {
    this.routeCode = v.route();
    this.code = v.code();
    this.name = v.name();
    this.location = Geometries.point(v.lon(), v.lat());
    this.radiusM = v.radiusM();
  }

  CheckpointView view() { return new CheckpointView(code, routeCode, name, location.getX(), location.getY(), radiusM); }
}
