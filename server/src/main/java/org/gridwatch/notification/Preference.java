package org.gridwatch.notification;

import java.util.Set;

/** How a person wants to be told: language (zh, en), channel, webhook URL, templates opted out of (or ALL), own quiet hours. */
record Preference(String language, String channel, String webhookUrl, Set<String> optOut, QuietHours quietHours) {
  static final Preference DEFAULT = new Preference("zh", LogChannel.NAME, null, Set.of(), null);

  boolean optedOutOf(String template) { return optOut.contains("ALL") || optOut.contains(template); }
}
