package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The field app opens without a network only if its service worker kept every file the page needs: this checks
 * the worker's shell list against what field.html loads and what its modules import (one missing file and the
 * app is blank offline), that every listed file is served to anyone, that the build stamped its version (a new
 * deploy must replace the shell phones keep), that the web app manifest is one a phone can install, and that
 * every word the app shows exists in both languages (a missing one shows as its key).
 */
@OnH2
class FieldAppShellTest {
  private static final Pattern SHELL_ENTRY = Pattern.compile("'(/[^']+)'");
  private static final Pattern PAGE_ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:[^'\"]* from )?'\\./([^']+)'");

  @LocalServerPort int port;

  @Test
  void theServiceWorkerKeepsEveryFileTheFieldAppLoadsAndEachIsServedToAnyone() {
    Http http = new Http(port);
    String worker = http.get("/field-sw.js").body();
    Set<String> shell = shell(worker);
    Set<String> needed = new LinkedHashSet<>();
    Matcher asset = PAGE_ASSET.matcher(http.get("/field.html").body());
    while (asset.find()) needed.add(asset.group(1));
    needed.add("/field.html");
    needed.addAll(modulesImportedFrom("/js/field.js", http));
    assertThat(shell).as("files field.html loads, and every module it imports").containsAll(needed);
    for (String path : shell) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void everyDeployStampsTheServiceWorkerWithItsOwnVersion() {
    String worker = new Http(port).get("/field-sw.js").body();
    Matcher version = Pattern.compile("const VERSION = '([^']*)'").matcher(worker);
    assertThat(version.find()).isTrue();
    assertThat(version.group(1)).as("filled in by the build").doesNotContain("@").matches("\\S+-\\d{14}");
  }

  @Test
  void theManifestMakesTheFieldAppInstallable() {
    Http http = new Http(port);
    Http.Response r = http.get("/field.webmanifest");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/manifest+json");
    JsonNode m = r.json();
    assertThat(m.get("name").asString()).contains("网格外勤").contains("Field");
    assertThat(m.get("start_url").asString()).isEqualTo("/field.html");
    assertThat(m.get("display").asString()).isEqualTo("standalone");
    List<String> sizes = new java.util.ArrayList<>();
    for (JsonNode icon : m.get("icons")) {
      assertThat(http.get(icon.get("src").asString()).status()).as(icon.get("src").asString()).isEqualTo(200);
      sizes.add(icon.get("sizes").asString());
    }
    assertThat(sizes).as("what browsers require to offer installing").contains("192x192", "512x512");
  }

  @Test
  void everyWordTheFieldAppShowsIsWrittenInChineseAndInEnglish() {
    Http http = new Http(port);
    String shared = http.get("/js/i18n.js").body(), own = http.get("/js/field-text.js").body();
    int sharedEn = shared.indexOf("\n  en: {"), ownEn = own.indexOf("}, {");
    Set<String> zh = keys(shared.substring(0, sharedEn) + own.substring(0, ownEn));
    Set<String> en = keys(shared.substring(sharedEn) + own.substring(ownEn));
    Set<String> used = new LinkedHashSet<>();
    Matcher html = Pattern.compile("data-i18n=\"(\\w+)\"").matcher(http.get("/field.html").body());
    while (html.find()) used.add(html.group(1));
    for (String module : modulesImportedFrom("/js/field.js", http)) {
      if (!module.contains("field")) continue;
      Matcher call = Pattern.compile("\\bt\\('(\\w+)'\\)").matcher(http.get(module).body());
      while (call.find()) used.add(call.group(1));
    }
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(zh).as("Chinese").containsAll(used);
    assertThat(en).as("English").containsAll(used);
  }

  private static Set<String> keys(String texts) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(\\w+): '").matcher(texts);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  private static Set<String> shell(String worker) {
    int from = worker.indexOf("const SHELL = ["), to = worker.indexOf("];", from);
    Set<String> out = new LinkedHashSet<>();
    Matcher m = SHELL_ENTRY.matcher(worker.substring(from, to));
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** Every module reachable from {@code start} through relative imports. */
  private static Set<String> modulesImportedFrom(String start, Http http) {
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      Matcher m = IMPORT.matcher(http.get(todo.pop()).body());
      while (m.find()) {
        String module = "/js/" + m.group(1);
        if (seen.add(module)) todo.push(module);
      }
    }
    return seen;
  }
}
