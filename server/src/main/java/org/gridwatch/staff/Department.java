package org.gridwatch.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A district department (区直部门), the last level of bottom-up handling. */
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

  Department(String code, String name, String nameEn) {
    this.code = code;
    this.name = name;
    this.nameEn = nameEn;
  }

  String getCode() { return code; }
  String getName() { return name; }
  String getNameEn() { return nameEn; }
}
