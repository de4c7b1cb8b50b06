package org.gridwatch.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The message texts in Chinese (the default) and English, from {@code i18n/notifications[_zh].properties}:
 * {@code {name}} is replaced by the parameter of that name. A template without a text (a new one another part enqueues
 * before its text is written) renders as its name and its parameters, never fails.
 */
@Component
class Templates {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  private final Properties zh = load("i18n/notifications_zh.properties");
  private final Properties en = load("i18n/notifications.properties");

  /** The text of {@code template} in {@code language} (en, else zh). */
  String render(String template, String language, Map<String, String> params) {
    String pattern = ("en".equals(language) ? en : zh).getProperty(template);
    if (pattern == null) return template + " " + new TreeMap<>(params);
    Matcher m = PARAM.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
    return m.appendTail(out).toString();
  }

  boolean knows(String template) { return zh.containsKey(template); }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing " + resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }
}
