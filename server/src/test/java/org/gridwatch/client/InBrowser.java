package org.gridwatch.client;

import org.gridwatch.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/** One headless Chromium (1500 × 950) for all the tests of a class, closed after them. */
abstract class InBrowser {
  static ChromeDriver driver;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1500, 950); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }
}
