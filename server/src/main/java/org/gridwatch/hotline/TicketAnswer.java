package org.gridwatch.hotline;

/**
 * What receiving a ticket answers: the ticket's number, the public id of the case made for it (null while it waits to
 * be located), its status ({@link TicketStatus}) and whether it is placed.
 */
public record TicketAnswer(String ticketNumber, String caseId, TicketStatus status, boolean located) {}
