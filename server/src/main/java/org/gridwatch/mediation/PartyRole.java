package org.gridwatch.mediation;

/** A party's side in a dispute. */
public enum PartyRole { APPLICANT, RESPONDENT }
