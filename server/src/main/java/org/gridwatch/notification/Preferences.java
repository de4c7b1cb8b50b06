package org.gridwatch.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a person's notification preferences; every field is checked before anything is written. */
@Service
class Preferences {
  private static final Pattern TEMPLATE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private final JdbcTemplate jdbc;
  private final Recipients recipients;
  private final Clock clock;

  Preferences(JdbcTemplate jdbc, Recipients recipients, Clock clock) {
    this.jdbc = jdbc;
    this.recipients = recipients;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  PreferenceAnswer of(String username) { return answer(recipients.preferenceOf(username)); }

  @Transactional
  PreferenceAnswer replace(String username, PreferenceRequest r) {
    List<ProblemException.FieldError> errors = new ArrayList<>();
    TreeSet<String> optOut = new TreeSet<>();
    for (String t : r.optOut() == null ? List.<String>of() : r.optOut()) {
      if (t == null || !TEMPLATE.matcher(t).matches()) errors.add(new ProblemException.FieldError("optOut", Text.of("notification.not-a-template", String.valueOf(t))));
      else optOut.add(t);
    }
    String channel = r.channel() == null ? LogChannel.NAME : r.channel();
    if (!Subscriptions.CHANNELS.contains(channel)) errors.add(new ProblemException.FieldError("channel", Text.of("notification.unknown-channel", channel)));
    String quiet = null;
    try {
      QuietHours q = QuietHours.parse(r.quietHours());
      quiet = q == null ? null : q.toString();
    } catch (IllegalArgumentException e) {
      errors.add(new ProblemException.FieldError("quietHours", Text.of("notification.quiet-hours-format")));
    }
    String language = r.language() == null ? "zh" : r.language();
    if (!language.equals("zh") && !language.equals("en")) errors.add(new ProblemException.FieldError("language", Text.of("notification.language")));
    String url = r.webhookUrl() == null || r.webhookUrl().isBlank() ? null : r.webhookUrl().trim();
    if (url != null && !httpsUrl(url) || url == null && WebhookChannel.NAME.equals(channel)) {
      errors.add(new ProblemException.FieldError("webhookUrl", Text.of("notification.webhook-url")));
    }
    if (optOut.size() > 40) errors.add(new ProblemException.FieldError("optOut", Text.of("notification.too-many-opt-outs")));
    if (!errors.isEmpty()) {
      throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid-notification-input",
          "Invalid input", (Text) null, errors);
    }
    Timestamp now = Timestamp.from(clock.instant());
    String optOutText = String.join(",", optOut);
    if (jdbc.update("UPDATE notification_preference SET language = ?, channel = ?, webhook_url = ?, opt_out = ?, quiet_hours = ?,"
        + " updated_at = ? WHERE username = ?", language, channel, url, optOutText, quiet, now, username) == 0) {
      jdbc.update("INSERT INTO notification_preference (username, language, channel, webhook_url, opt_out, quiet_hours, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", username, language, channel, url, optOutText, quiet, now);
    }
    return of(username);
  }

  /** Only https: a person's URL is somewhere on the internet, not a plain-text hop inside ours. */
  private static boolean httpsUrl(String url) {
    try {
      URI u = URI.create(url);
      return "https".equals(u.getScheme()) && u.getHost() != null && url.length() <= 400 && publicHost(u.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Not this machine or a private network written as an address or as localhost: the server would otherwise post to
   * its own neighbours for whoever sets the URL. Names are not resolved here (no lookup on a request's path); a name
   * that resolves inside is a leftover for the deployment's egress rules.
   */
  static boolean publicHost(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    String lower = h.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("localhost") || lower.endsWith(".localhost")) return false;
    if (!h.contains(":") && !h.matches("[0-9.]+")) return true; // a name
    try {
      java.net.InetAddress a = java.net.InetAddress.getByName(h); // a literal: no lookup
      return !(a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
          || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc));
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static PreferenceAnswer answer(Preference p) {
    return new PreferenceAnswer(new TreeSet<>(p.optOut()).stream().toList(), p.channel(),
        p.quietHours() == null ? null : p.quietHours().toString(), p.language(), p.webhookUrl());
  }
}
