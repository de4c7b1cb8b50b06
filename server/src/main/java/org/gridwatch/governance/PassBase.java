package org.gridwatch.governance;

/**
 * What a vote's majority is counted against: the voting members present (居民会议: 由出席人的过半数通过), or all the
 * voting members in term (党组织表决: 超过应到会有表决权党员的半数).
 */
public enum PassBase { PRESENT, ALL_MEMBERS }
