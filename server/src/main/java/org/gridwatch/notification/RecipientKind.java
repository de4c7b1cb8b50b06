package org.gridwatch.notification;

/**
 * Whom an outbox message is for. USER: an account (recipient = username); UNIT: the staff of a unit (recipient = unit
 * code); REPORTER: a case's reporter (recipient = the case's public id; the contact stays sealed on the case);
 * CASE_SUBSCRIBERS (recipient = case public id) and AREA_SUBSCRIBERS (recipient = area code, also reaching the
 * subscribers of areas inside it); ENDPOINT: a configured webhook endpoint (recipient = its name, e.g. hotline).
 * UNIT and the *_SUBSCRIBERS kinds fan out into one message per person when delivered.
 */
public enum RecipientKind {
  USER, UNIT, REPORTER, CASE_SUBSCRIBERS, AREA_SUBSCRIBERS, ENDPOINT;

  public boolean fansOut() { return this == UNIT || this == CASE_SUBSCRIBERS || this == AREA_SUBSCRIBERS; }
}
