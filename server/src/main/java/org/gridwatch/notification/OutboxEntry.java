package org.gridwatch.notification;

import java.time.Instant;

/** One outbox message as the administrator sees it: a person's username masked, never the parameters. */
record OutboxEntry(long id, String template, RecipientKind recipientKind, String recipient, String channel, OutboxStatus status,
    int attempts, String lastError, Long parentId, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String deliveredVia) {}
