package org.gridwatch.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A text a person reads, kept as a key and its arguments until the reader's language is known: the one way
 * Gridwatch words problems (titles, details, {@code errors[].reason}) in Chinese or English.
 *
 * <p>The words live in {@code i18n/problems.properties} (English, the base) and {@code i18n/problems_zh.properties}
 * (Chinese), UTF-8, as {@link MessageFormat} patterns: {@code {0}}, {@code {1}} are the arguments, a literal
 * apostrophe is written {@code ''}. Arguments are inserted as {@link String#valueOf} (no digit grouping of codes);
 * an argument that is itself a {@code Text} is rendered in the same language. A problem's title is looked up as
 * {@code title.<slug>}, so call sites only give the English fallback.
 *
 * <p>To add a problem: {@code throw ProblemException.badInput("code", Text.of("area.not-grid", code)) } and add
 * {@code area.not-grid={0} is not a grid} to both files. A key missing from a file falls back to the base (English);
 * {@link #plain} wraps English from code that cannot name keys (the {@code geo} kernel, Bean Validation messages):
 * Chinese readers get it through the {@link Phrasebook} when a phrase matches, else as given. Immutable, thread-safe.
 * Rendered to JSON in the current request's language ({@link LocaleContextHolder}).
 */
public record Text(String key, List<Object> args) {
  static final String BUNDLE = "i18n.problems";
  private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  /** Marks a {@link #plain} text: its one argument is the text itself. */
  private static final String PLAIN = "";

  public Text {
    args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
  }

  /** The text under {@code key} in the bundles, with {@code args} for its {@code {0}}, {@code {1}}, ... */
  public static Text of(String key, Object... args) { return new Text(key, args == null ? List.of() : Arrays.asList(args)); }

  /** A text that is not localised (yet): shown as given in every language. */
  public static Text plain(String text) { return new Text(PLAIN, List.of(text == null ? "" : text)); }

  /** This text in {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
  public String in(Locale locale) {
    if (PLAIN.equals(key)) {
      String text = String.valueOf(args.get(0));
      String chinese = zh(locale) ? Phrasebook.chinese(text) : null;
      return chinese != null ? chinese : text;
    }
    String pattern = pattern(key, locale);
    if (pattern == null) return key + (args.isEmpty() ? "" : " " + args);
    Object[] values = args.stream().map(a -> a instanceof Text t ? t.in(locale) : String.valueOf(a)).toArray();
    return new MessageFormat(pattern, locale).format(values);
  }

  /** The words for {@code key} in {@code locale}, or {@code null} when no bundle has the key. */
  static String pattern(String key, Locale locale) {
    for (Locale l : zh(locale) ? List.of(Locale.CHINESE, Locale.ROOT) : List.of(Locale.ROOT)) {
      try {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK);
        if (bundle.containsKey(key)) return bundle.getString(key);
      } catch (MissingResourceException e) {
        // no such bundle: try the next
      }
    }
    return null;
  }

  static boolean zh(Locale locale) { return locale != null && "zh".equals(locale.getLanguage()); }

  /** In the current request's language (zh-CN when none is known): how a text goes out as JSON. */
  @JsonValue
  public String inRequestLanguage() { return in(LocaleContextHolder.getLocale()); }

  /** English, for logs and exception messages. */
  @Override
  public String toString() { return in(Locale.ENGLISH); }
}
