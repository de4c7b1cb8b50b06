package org.gridwatch.organisation;

/** A social organisation's way through the incubator (创益工场), in this order only. */
public enum IncubationStage {
  APPLIED, INCUBATING, GRADUATED;

  /** The stage that may follow this one, or null after the last. */
  IncubationStage next() { return this == GRADUATED ? null : values()[ordinal() + 1]; }
}
