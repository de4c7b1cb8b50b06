package org.gridwatch.notification;

import java.util.Map;

/**
 * A message to send, as the capability that causes it enqueues it: the template (rendered in the recipient's language
 * at delivery), whom it is for, the channel (null: the recipient's choice), the template's parameters (ids, codes,
 * titles; never phones, ID numbers or people's addresses) and a key that makes enqueueing the same event twice one
 * message (e.g. {@code "CASE_DISPATCHED:" + caseId + ":" + eventId}).
 */
public record OutboxMessage(String template, RecipientKind recipientKind, String recipient, String channel,
    Map<String, String> params, String dedupKey) {
  public OutboxMessage {
    if (template == null || template.isBlank()) throw new IllegalArgumentException("template is required");
    if (recipientKind == null || recipient == null || recipient.isBlank()) throw new IllegalArgumentException("recipient is required");
    if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) throw new IllegalArgumentException("dedupKey: 1–200 characters");
    params = params == null ? Map.of() : Map.copyOf(params);
  }
}
