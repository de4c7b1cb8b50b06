package org.gridwatch.consultation;

/** A party invited to a meeting. */
public enum InviteeKind { RESIDENT, PROPERTY_COMPANY, DEPARTMENT, ORGANISATION, BODY }
