package org.gridwatch.consultation;

/** A meeting is planned, then held (attendance recorded) or cancelled. */
public enum MeetingStatus { PLANNED, HELD, CANCELLED }
