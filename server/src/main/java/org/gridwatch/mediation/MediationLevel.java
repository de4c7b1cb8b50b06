package org.gridwatch.mediation;

/** Where a dispute is mediated; a settlement at {@code GRID} keeps it in the grid (纠纷不出网格). */
public enum MediationLevel { GRID, COMMUNITY, SUBDISTRICT }
