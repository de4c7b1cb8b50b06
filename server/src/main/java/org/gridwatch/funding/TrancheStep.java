package org.gridwatch.funding;

/** The step that releases a tranche: signing the contract, a passed mid-term review, a passed final review. */
public enum TrancheStep { CONTRACT, MIDTERM, FINAL }
