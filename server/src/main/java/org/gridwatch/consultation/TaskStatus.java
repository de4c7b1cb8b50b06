package org.gridwatch.consultation;

/** A task is open, reported done (with evidence), then verified by community staff (or rejected back to open). */
public enum TaskStatus { OPEN, DONE, VERIFIED }
