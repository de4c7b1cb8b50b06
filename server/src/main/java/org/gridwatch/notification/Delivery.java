package org.gridwatch.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One message on its way to one recipient: the outbox id (the idempotency key a receiver deduplicates on), the
 * template and its parameters, the text rendered in the recipient's language, and where it goes ({@code url} and
 * {@code secret} for a webhook: the endpoint's, or the person's URL with no secret).
 */
public record Delivery(long messageId, String template, RecipientKind recipientKind, String language, String text,
    Map<String, String> params, Instant createdAt, String url, String secret) {}
