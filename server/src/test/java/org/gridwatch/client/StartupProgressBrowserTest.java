package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Browser;
import org.gridwatch.support.HeldStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * While the server is still starting, every page says how far it is (the step and n/N, in the page's language) instead
 * of failing, and the map page goes on by itself once the server is ready.
 */
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class StartupProgressBrowserTest {
  static final String[] PAGES = {"/", "/console.html", "/report.html", "/planning.html", "/planner.html", "/field.html"};
  static ChromeDriver driver;
  static HeldStart server;

  @BeforeAll
  static void start() throws Exception {
    server = HeldStart.start("startupprogressbrowsertest");
    driver = Browser.start(1400, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) driver.quit();
    if (server != null) server.close();
  }

  static String url(String path) { return "http://localhost:" + server.port() + path; }

  static String progress() {
    return (String) driver.executeScript("const e = document.getElementById('startup-progress'); return e ? e.textContent : null");
  }

  @Test
  void everyPageShowsTheProgressWhileStartingAndTheMapLoadsOnceReady() throws Exception {
    for (String page : PAGES) {
      driver.get(url(page));
      driver.executeScript("localStorage.setItem('gridwatch.lang', 'zh')");
      driver.navigate().refresh();
      Browser.waitFor(driver, 20).until(d -> HeldStart.MESSAGE_ZH.equals(progress()));
      assertThat(driver.executeScript("return document.body.dataset.ready")).as(page).isNull();
    }
    driver.get(url("/"));
    Browser.waitFor(driver, 20).until(d -> HeldStart.MESSAGE_ZH.equals(progress()));
    Browser.screenshot(driver, "startup-progress");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 10).until(d -> HeldStart.MESSAGE_EN.equals(progress()));

    server.releaseAndWait();

    Browser.waitFor(driver, 30).until(d -> "true".equals(driver.executeScript("return document.body.dataset.ready")));
    assertThat(progress()).isNull();
    assertThat(driver.findElements(By.cssSelector("#map.leaflet-container"))).hasSize(1);
  }
}
