package org.gridwatch.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A district department (区直部门), the last level of bottom-up handling. Seeded by migration V3. */
@Entity
@Table(name = "department")
class Department {
  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String nameEn;

  protected Department() {}

  String getCode() { return code; }
  String getName() { return name; }
  String getNameEn() { return nameEn; }
}
