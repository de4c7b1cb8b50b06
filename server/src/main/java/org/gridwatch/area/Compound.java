package org.gridwatch.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** A compound (小区): buildings behind one gate, known by name; its outline given by the district or derived. */
@Entity
@Table(name = "compound")
class Compound {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "compound_seq")
  @SequenceGenerator(name = "compound_seq", sequenceName = "compound_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String name;

  @Column(nullable = false)
  private MultiPolygon outline;

  private boolean derived;

  protected Compound() {}

  Compound(String name, MultiPolygon outline, boolean derived) {
    this.name = name;
    reshape(outline, derived);
  }

  void reshape(MultiPolygon outline, boolean derived) {
    this.outline = outline;
    this.derived = derived;
  }

  String getName() { return name; }
  MultiPolygon getOutline() { return outline; }
  boolean isDerived() { return derived; }
}
