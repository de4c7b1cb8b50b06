package org.gridwatch.organisation;

/** What a service area names: a compound (小区) by its name, a grid or a community by its code. */
public enum ServiceAreaKind { COMPOUND, GRID, COMMUNITY }
