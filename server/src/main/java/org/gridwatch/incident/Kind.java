package org.gridwatch.incident;

/** A resident request (诉求) or an incident (事件). */
public enum Kind { REQUEST, INCIDENT }
