package org.gridwatch.consultation;

/** One member's vote. */
public enum VoteChoice { FOR, AGAINST, ABSTAIN }
