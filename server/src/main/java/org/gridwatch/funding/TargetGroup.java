package org.gridwatch.funding;

/** Whom a project serves (its target groups, stored comma separated in project.target_groups). */
public enum TargetGroup { ELDERLY, CHILDREN, YOUTH, DISABLED, LOW_INCOME, VETERANS, NEW_RESIDENTS, ALL_RESIDENTS }
