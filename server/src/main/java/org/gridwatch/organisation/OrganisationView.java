package org.gridwatch.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation as its readers see it: the contact's phone masked (138****1234); its service areas, current and
 * past, with their names; for a social organisation its incubation (null for other kinds, and before it applied).
 */
public record OrganisationView(long id, String creditCode, String name, OrganisationKind kind, ContactView contact,
    String address, Double lon, Double lat, boolean synthetic, List<ServiceAreaView> serviceAreas, IncubationView incubation) {

  public record ContactView(String name, String phone) {}

  /** One service area; {@code name} is the compound's or area's name ({@code code} for one no longer in the hierarchy). */
  public record ServiceAreaView(long id, ServiceAreaKind kind, String code, String name, LocalDate from, LocalDate to) {}

  /** The stage reached and the day of each stage so far. */
  public record IncubationView(IncubationStage stage, LocalDate applied, LocalDate incubating, LocalDate graduated,
      List<IncubationStepView> history) {}

  /** One recorded step: its stage and day, who recorded it. */
  public record IncubationStepView(IncubationStage stage, LocalDate on, String recordedBy) {}
}
