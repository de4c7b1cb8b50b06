package org.gridwatch.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The problem texts: every key the code names is worded in both languages, with the same arguments. */
class TextTest {
  private static final Pattern KEY_IN_CODE = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"\\s*[,)]");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = TextTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyTheCodeNamesIsInBothLanguagesWithTheSameArguments() throws IOException {
    Properties en = bundle("problems"), zh = bundle("problems_zh");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.trim().startsWith("*")) continue; // the javadoc's examples
          Matcher m = KEY_IN_CODE.matcher(line);
          while (m.find()) used.add(m.group(1));
        }
      }
    }
    assertThat(used).as("keys named in the code").hasSizeGreaterThan(250);
    assertThat(used).allSatisfy(key -> {
      assertThat(en).as("English for " + key).containsKey(key);
      assertThat(zh).as("Chinese for " + key).containsKey(key);
    });
    for (String key : en.stringPropertyNames()) {
      assertThat(zh).as("Chinese for " + key).containsKey(key);
      assertThat(arguments(zh.getProperty(key))).as(key).isSubsetOf(arguments(en.getProperty(key)));
      assertThat(HAN.matcher(en.getProperty(key)).find() && !key.startsWith("note.overdue-supervised"))
          .as("English of " + key + " has no Chinese: " + en.getProperty(key)).isFalse();
    }
  }

  static Set<String> arguments(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** Parallel branches append to both files: a key defined twice silently keeps the last, so the first wording is lost. */
  @Test
  void noKeyIsDefinedTwice() throws IOException {
    for (String name : List.of("problems", "problems_zh")) {
      try (var in = TextTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
        List<String> keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ") && l.contains("="))
            .map(l -> l.substring(0, l.indexOf('=')).trim()).toList();
        assertThat(keys).as(name).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void aTextReadsInTheLanguageAskedForWithItsArgumentsAsGiven() {
    Text t = Text.of("redistrict.there-no-building-x", 370203014001001L);
    assertThat(t.in(Locale.ENGLISH)).isEqualTo("there is no building 370203014001001");
    assertThat(t.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有楼栋 370203014001001");
    assertThat(Text.of("incident.x-not-one-x", "x", "[A, B]").in(Locale.ENGLISH)).isEqualTo("'x' is not one of [A, B]");
    assertThat(Text.plain("as typed").in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("as typed");
    assertThat(Text.of("note.escalated", Text.of("level.GRID"), Text.of("level.COMMUNITY")).in(Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("网格级时限已过；已上报至社区级");
  }

  @Test
  void englishFromTheSpatialKernelReadsInChineseThroughThePhrasebook() {
    assertThat(Text.plain("latitude 95.0 is outside [-90, 90]").in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("latitude 95.0 超出 [-90, 90]");
    assertThat(Text.plain("'EPSG:3857' is not accepted; use CRS84").in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("不接受“EPSG:3857”；请使用 CRS84");
    assertThat(Text.plain("latitude 95.0 is outside [-90, 90]").in(Locale.ENGLISH)).isEqualTo("latitude 95.0 is outside [-90, 90]");
    assertThat(Text.plain("no phrase for this").in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("no phrase for this");
  }

  @Test
  void theReaderIsChineseUnlessEnglishIsPreferred() {
    assertThat(ReaderLanguage.locale((String) null)).isEqualTo(ReaderLanguage.CHINESE);
    assertThat(ReaderLanguage.locale("")).isEqualTo(ReaderLanguage.CHINESE);
    assertThat(ReaderLanguage.locale("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(ReaderLanguage.CHINESE);
    assertThat(ReaderLanguage.locale("en-US,en;q=0.9")).isEqualTo(ReaderLanguage.ENGLISH);
    assertThat(ReaderLanguage.locale("fr, en;q=0.5, zh;q=0.4")).isEqualTo(ReaderLanguage.ENGLISH);
    assertThat(ReaderLanguage.locale("en;q=0.3, zh-TW;q=0.8")).isEqualTo(ReaderLanguage.CHINESE);
    assertThat(ReaderLanguage.locale("fr")).isEqualTo(ReaderLanguage.CHINESE);
    assertThat(ReaderLanguage.locale("not a header;;")).isEqualTo(ReaderLanguage.CHINESE);
  }

  @Test
  void aProblemsTitleIsLookedUpBySlug() {
    ProblemException p = ProblemException.notFound("unknown-camera", "Unknown camera", Text.of("skynet.there-no-camera-x", "C-1"));
    assertThat(p.title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未知摄像机");
    assertThat(p.title(Locale.ENGLISH)).isEqualTo("Unknown camera");
    assertThat(p.detail(Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有摄像机 C-1");
    assertThat(p.getMessage()).isEqualTo("there is no camera C-1");
  }
}
