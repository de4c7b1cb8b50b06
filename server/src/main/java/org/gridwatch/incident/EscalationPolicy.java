package org.gridwatch.incident;

/**
 * What the SLA clock does when a category's handling deadline passes: {@link #SUPERVISE} (督办) keeps the case
 * with its unit, lights it red and counts the breach against the unit; {@link #ESCALATE} hands it to the next
 * level. Escalation by hand ({@code escalate}, with a reason) is open under either policy.
 */
public enum EscalationPolicy { ESCALATE, SUPERVISE }
