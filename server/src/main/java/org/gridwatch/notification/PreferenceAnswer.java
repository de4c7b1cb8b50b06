package org.gridwatch.notification;

import java.util.List;

/** The signed-in person's notification preferences (the defaults when they chose nothing). */
record PreferenceAnswer(List<String> optOut, String channel, String quietHours, String language, String webhookUrl) {}
