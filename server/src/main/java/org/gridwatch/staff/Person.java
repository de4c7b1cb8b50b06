package org.gridwatch.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A member of staff. The phone number is private: it is never on a public read. */
@Entity
@Table(name = "person")
class Person {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Duty duty;

  @Column(nullable = false)
  private String unitCode;

  private String phone;
  private String username;
  private boolean synthetic;

  protected Person() {}

  Person(String code, String name, Duty duty, String unitCode, String phone, boolean synthetic) {
    this.code = code;
    this.name = name;
    this.duty = duty;
    this.unitCode = unitCode;
    this.phone = phone;
    this.synthetic = synthetic;
  }

  Long getId() { return id; }
  String getCode() { return code; }
  String getName() { return name; }
  Duty getDuty() { return duty; }
  String getUnitCode() { return unitCode; }
  String getPhone() { return phone; }
  String getUsername() { return username; }

  void linkAccount(String username) { this.username = username; }

  /** What the person does and for which unit, as a roster import states it. */
  void assign(Duty duty, String unitCode) {
    this.duty = duty;
    this.unitCode = unitCode;
  }

  void changePhone(String phone) { this.phone = phone; }
}
