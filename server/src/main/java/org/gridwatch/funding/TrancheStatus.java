package org.gridwatch.funding;

/** A tranche is PENDING until its step releases it, or STOPPED by a review that did not pass (or a termination). */
public enum TrancheStatus { PENDING, RELEASED, STOPPED }
