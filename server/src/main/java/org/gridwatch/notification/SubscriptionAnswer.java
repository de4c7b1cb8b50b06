package org.gridwatch.notification;

import java.time.Instant;

/** One subscription of the signed-in person. */
record SubscriptionAnswer(long id, SubscriptionKind kind, String target, String channel, Instant createdAt) {}
