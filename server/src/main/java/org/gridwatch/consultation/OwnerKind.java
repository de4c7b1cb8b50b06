package org.gridwatch.consultation;

/** Who carries out a task (干事). */
public enum OwnerKind { PERSON, TEAM, PROPERTY_COMPANY, ORGANISATION }
