package org.gridwatch.mediation;

/** Where an unsettled dispute goes next. */
public enum MediationOutcome { LITIGATION, ARBITRATION, PETITION }
