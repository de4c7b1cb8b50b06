package org.gridwatch.incident;

/** How a case came in. */
public enum Channel {
  RESIDENT_WEB, OPEN311, HOTLINE, GRID_MEMBER, PATROL, CAMERA, POLICE
}
