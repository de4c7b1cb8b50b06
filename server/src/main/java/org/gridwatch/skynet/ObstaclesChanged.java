package org.gridwatch.skynet;

/** The obstacle layer was imported or cleared: every camera's line of sight may have changed. */
public record ObstaclesChanged(int count) {}
