package org.gridwatch.governance;

/** What a body serves: a community, a grid, or a compound (小区, by its name). */
public enum BodyArea { COMMUNITY, GRID, COMPOUND }
