package org.gridwatch.notification;

import java.util.List;

/**
 * {@code PUT /api/v1/notification-preferences}: templates to opt out of (or "ALL"), the channel (LOG by default;
 * WEBHOOK needs an https {@code webhookUrl}), own quiet hours ({@code "22:00-07:00"}, null: the deployment's) and the
 * language messages come in (zh, en).
 */
record PreferenceRequest(List<String> optOut, String channel, String quietHours, String language, String webhookUrl) {}
