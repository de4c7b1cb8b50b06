package org.gridwatch.media;

/** Why a photo was taken: with the report, before and after handling (start, resolve), or on patrol (巡查上报). */
public enum MediaKind { REPORT, BEFORE, AFTER, PATROL }
