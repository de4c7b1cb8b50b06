package org.gridwatch.incident;

public enum Priority { LOW, NORMAL, HIGH, URGENT }
