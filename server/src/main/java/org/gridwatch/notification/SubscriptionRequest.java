package org.gridwatch.notification;

/** {@code POST /api/v1/subscriptions}: what to follow, by which channel (null: the person's own), a case's follow token. */
record SubscriptionRequest(SubscriptionKind kind, String target, String channel, String followToken) {}
