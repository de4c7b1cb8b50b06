package org.gridwatch.skynet;

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
import java.time.LocalDate;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Point;

/** A sky-net camera: where it is, where it looks, how far it sees, whether it works. Its grid is derived. */
@Entity
@Table(name = "camera")
class Camera {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "camera_seq")
  @SequenceGenerator(name = "camera_seq", sequenceName = "camera_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  private String name;
  private Point location;
  @Enumerated(EnumType.STRING) private CameraType type;
  private double heading;
  private double fov;
  @Column(name = "range_m") private double rangeM;
  @Column(name = "mount_height_m") private double mountHeightM;
  @Enumerated(EnumType.STRING) private CameraStatus status;
  private boolean keyArea;
  private LocalDate installDate;
  private String gridCode;
  private boolean synthetic;
  @Version private int version;
  private Instant updatedAt;
  /** Where to watch it live (a GB/T 28181 device id or a URL); null when none is set. Not part of the view's geometry. */
  private String liveView;

  protected Camera() {}

  Camera(String code, boolean synthetic) {
    this.code = code;
    this.synthetic = synthetic;
  }

  void apply(CameraView v, String gridCode, Instant now) {
    this.name = v.name();
    this.location = Geometries.point(v.lon(), v.lat());
    this.type = v.type();
    this.heading = v.heading();
    this.fov = v.fov();
    this.rangeM = v.rangeM();
    this.mountHeightM = v.mountHeightM();
    this.status = v.status();
    this.keyArea = v.keyArea();
    this.installDate = v.installDate();
    this.gridCode = gridCode;
    this.updatedAt = now;
  }

  CameraView view() {
    return new CameraView(code, name, location.getX(), location.getY(), type, heading, fov, rangeM, mountHeightM, status,
        keyArea, installDate, gridCode, synthetic);
  }

  String getCode() { return code; }
  String getName() { return name; }
  String getLiveView() { return liveView; }

  void setLiveView(String liveView, Instant now) {
    this.liveView = liveView;
    this.updatedAt = now;
  }
  int getVersion() { return version; }
}
