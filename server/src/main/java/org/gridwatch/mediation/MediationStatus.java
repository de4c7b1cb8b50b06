package org.gridwatch.mediation;

/** OPEN → SETTLED (an agreement signed) | NOT_SETTLED (the parties go to litigation, arbitration or petition). */
public enum MediationStatus { OPEN, SETTLED, NOT_SETTLED }
