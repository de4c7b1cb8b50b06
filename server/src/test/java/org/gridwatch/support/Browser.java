package org.gridwatch.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver.Navigation;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by the system ChromeDriver (no driver downloads: the network is closed). */
public final class Browser {
  private Browser() {}

  public static ChromeDriver start(int width, int height) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TestEnvironment.chromium());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("gridwatch-chromium"));
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // A page that has not loaded in a minute is a stuck renderer, not a slow page: ChromeDriver then answers with a
    // timeout (before the client's own read timeout, which would leave the session unusable) and the load is retried.
    options.setPageLoadTimeout(PAGE_LOAD);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(TestEnvironment.chromedriver())).usingAnyFreePort().build();
    return new SteadyChromeDriver(service, options,
        ClientConfig.defaultConfig().readTimeout(PAGE_LOAD.plus(Duration.ofSeconds(60))));
  }

  static final Duration PAGE_LOAD = Duration.ofSeconds(60);

  /**
   * Headless Chromium on a busy two-core machine was seen, once in a CI run of about 1,200 tests, never to finish
   * loading a local page (the client gave up after three minutes; the server answered the next test at once). Such a
   * load is stopped after {@link #PAGE_LOAD} and made once more; a second timeout fails the test, as it should.
   */
  static final class SteadyChromeDriver extends ChromeDriver {
    SteadyChromeDriver(ChromeDriverService service, ChromeOptions options, ClientConfig client) {
      super(service, options, client);
    }

    @Override
    public void get(String url) {
      twice("loading " + url, () -> super.get(url));
    }

    @Override
    public Navigation navigate() {
      Navigation navigation = super.navigate();
      return new Navigation() {
        @Override public void back() { navigation.back(); }
        @Override public void forward() { navigation.forward(); }
        @Override public void to(String url) { get(url); }
        @Override public void to(java.net.URL url) { get(url.toString()); }
        @Override public void refresh() { twice("reloading " + getCurrentUrl(), navigation::refresh); }
      };
    }

    private static void twice(String what, Runnable load) {
      try {
        load.run();
      } catch (TimeoutException stuck) {
        System.err.println("Browser: " + what + " timed out; once more. " + stuck.getRawMessage());
        load.run();
      }
    }
  }

  public static WebDriverWait waitFor(ChromeDriver driver, int seconds) {
    // A live page re-renders its lists (the console's queue on every case change): an element found by one poll may be
    // replaced before the condition reads it, and the next poll finds the new one.
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Signs in through the login form, as a person would. */
  public static void signIn(ChromeDriver driver, String baseUrl, String user) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/login");
    driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
    driver.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
    waitFor(driver, 10).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Opens a page in Chinese and waits until it says it is ready ({@code body[data-ready]}). */
  public static void open(ChromeDriver driver, String url) {
    driver.get(url);
    driver.executeScript("localStorage.setItem('gridwatch.lang', 'zh')");
    driver.navigate().refresh();
    waitFor(driver, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
  }

  /** Clicks the Leaflet map {@code mapExpression} (e.g. {@code gridwatch.map}) where the point lon/lat is drawn. */
  public static void clickMap(ChromeDriver driver, String mapExpression, double lon, double lat) {
    @SuppressWarnings("unchecked")
    java.util.List<Number> xy = (java.util.List<Number>) driver.executeScript("const pt = " + mapExpression
        + ".latLngToContainerPoint([arguments[1], arguments[0]]); return [pt.x, pt.y]", lon, lat);
    org.openqa.selenium.WebElement map = driver.findElement(org.openqa.selenium.By.id("map"));
    int dx = (int) Math.round(xy.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
    int dy = (int) Math.round(xy.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(map, dx, dy).click().perform();
  }

  /** Saves a screenshot under server/target/screenshots for people to look at. */
  public static Path screenshot(ChromeDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
