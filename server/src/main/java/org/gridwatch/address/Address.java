package org.gridwatch.address;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A building's standard address as stored; see {@link AddressLine} for what each part means. */
@Entity
@Table(name = "address")
class Address {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "address_seq")
  @SequenceGenerator(name = "address_seq", sequenceName = "address_seq", allocationSize = 50)
  private Long id;

  @Column(name = "building_code", nullable = false, unique = true, length = 40)
  private String buildingCode;

  @Column(nullable = false, length = 60)
  private String road;

  @Column(name = "house_number", nullable = false, length = 20)
  private String houseNumber;

  @Column(name = "building_no", length = 20)
  private String buildingNo;

  private Integer units;

  @Column(length = 100)
  private String compound;

  @Column(length = 500)
  private String aliases;

  @Column(name = "full_text", nullable = false, length = 200)
  private String fullText;

  protected Address() {}

  Address(AddressLine line) {
    this.buildingCode = line.buildingCode();
    replaceWith(line);
  }

  void replaceWith(AddressLine line) {
    this.road = line.road();
    this.houseNumber = line.number();
    this.buildingNo = line.building();
    this.units = line.units();
    this.compound = line.compound();
    this.aliases = line.aliases().isEmpty() ? null : String.join(AddressLine.ALIAS_SEPARATOR, line.aliases());
    this.fullText = line.text(null);
  }

  AddressLine line() {
    return new AddressLine(buildingCode, road, houseNumber, buildingNo, units, compound,
        aliases == null ? java.util.List.of() : java.util.List.of(aliases.split(AddressLine.ALIAS_SEPARATOR)));
  }

  String getBuildingCode() { return buildingCode; }
}
