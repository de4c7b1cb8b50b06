package org.gridwatch.mediation;

/** What the visit 30 days after a settlement found: the agreement holding or broken. */
public enum FollowUpResult { HOLDING, BROKEN }
