package org.gridwatch.consultation;

/** How a decision was taken: by a vote per the body's rule, or by consensus where the rules allow it. */
public enum DecisionMethod { VOTE, CONSENSUS }
