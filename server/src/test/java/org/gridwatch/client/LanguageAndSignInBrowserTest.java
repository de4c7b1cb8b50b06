package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.gridwatch.support.Browser;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Both languages in a real browser: the language switch re-renders the map page without a reload, a server error reads
 * in the UI language, and the sign-in page (bilingual, our own) returns to the page that sent the user there.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class LanguageAndSignInBrowserTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  static ChromeDriver driver;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1400, 900); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  @BeforeEach
  void cleanSlate() {
    driver.manage().deleteAllCookies();
    driver.get(url("/"));
    driver.executeScript("localStorage.clear(); localStorage.setItem('gridwatch.lang', 'zh'); localStorage.setItem('gridwatch.basemap', 'none')");
  }

  String url(String path) { return "http://localhost:" + port + path; }

  String text(String css) { return driver.findElement(By.cssSelector(css)).getText(); }

  void ready() {
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
  }

  @Test
  void theSwitchReRendersTheMapPageAndServerErrorsReadInTheUiLanguage() throws Exception {
    ready();
    // Bad input: a longitude that is no number. The server refuses it; the panel shows its reason.
    driver.findElement(By.id("lon")).sendKeys("abc");
    driver.findElement(By.id("lat")).sendKeys("36.08");
    driver.findElement(By.cssSelector("#coord-form button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(d -> !d.findElements(By.cssSelector("#info .problem")).isEmpty());
    String zhProblem = text("#info .problem");
    assertThat(zhProblem).as("the server's reason, in Chinese").contains("lon").containsPattern(HAN.pattern()).contains("出错了");
    assertThat(text(".legend")).contains("图例");
    Browser.screenshot(driver, "language-zh-problem");

    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 10).until(d -> text(".legend").contains("Legend"));
    Browser.waitFor(driver, 10).until(d -> !HAN.matcher(text("#info .problem")).find());
    assertThat(text("#info .problem")).as("asked again in English, without a reload").contains("lon").doesNotContainPattern(HAN.pattern());
    assertThat(text("label[for=search]")).doesNotContainPattern(HAN.pattern());
    assertThat(driver.executeScript("return document.documentElement.lang")).isEqualTo("en");
    Browser.screenshot(driver, "language-en-problem");

    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 10).until(d -> text(".legend").contains("图例"));
    Browser.waitFor(driver, 10).until(d -> HAN.matcher(text("#info .problem")).find());
  }

  @Test
  void signingInReturnsToThePageThatSentTheUserThere() throws Exception {
    driver.get(url("/planning.html?window=night"));
    driver.executeScript("localStorage.setItem('gridwatch.lang', 'zh')");
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> !d.findElements(By.cssSelector("a[href^='/login']")).isEmpty());
    driver.findElement(By.cssSelector("a[href^='/login']")).click();
    Browser.waitFor(driver, 10).until(d -> d.getCurrentUrl().contains("/login"));
    assertThat(driver.getCurrentUrl()).contains("next=" + java.net.URLEncoder.encode("/planning.html?window=night", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(text("h2")).isEqualTo("登录");
    Browser.waitFor(driver, 10).until(d -> d.findElement(By.id("demo-hint")).isDisplayed());
    assertThat(text("#demo-hint")).as("the embedded default says where the demo password is").contains("日志");
    assertThat(driver.findElement(By.id("signin-error")).isDisplayed()).as("no error before a try").isFalse();

    // A wrong password: said in the UI language, and the page to return to is kept.
    driver.findElement(By.id("username")).sendKeys("police");
    driver.findElement(By.id("password")).sendKeys("not-the-password");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(d -> d.getCurrentUrl().contains("error"));
    assertThat(text("#signin-error")).contains("密码");
    Browser.screenshot(driver, "login-zh-desktop");
    driver.findElement(By.id("lang")).click();
    assertThat(text("#signin-error")).contains("password");
    assertThat(text("h2")).isEqualTo("Sign in");

    driver.findElement(By.id("username")).sendKeys("police");
    driver.findElement(By.id("password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/planning.html?window=night"));
  }

  @Test
  void theSignInPageFitsAPhoneInEnglish() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      driver.get(url("/login?next=%2Fconsole.html"));
      driver.executeScript("localStorage.setItem('gridwatch.lang', 'en')");
      driver.navigate().refresh();
      Browser.waitFor(driver, 10).until(d -> text("h2").equals("Sign in"));
      Browser.waitFor(driver, 10).until(d -> d.findElement(By.id("demo-hint")).isDisplayed());
      assertThat(driver.findElement(By.id("signin-error")).isDisplayed()).isFalse();
      long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(overflow).as("nothing wider than the phone").isLessThanOrEqualTo(0);
      assertThat(driver.findElement(By.id("password")).getRect().getWidth()).as("fields fill the phone's width").isGreaterThan(250);
      assertThat(driver.findElement(By.cssSelector("button[type=submit]")).isDisplayed()).isTrue();
      Browser.screenshot(driver, "login-en-phone");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    }
  }

  @Test
  void theSignInPageFollowsOnlyPathsOnThisSite() {
    driver.get(url("/login?next=" + java.net.URLEncoder.encode("//evil.example/x", java.nio.charset.StandardCharsets.UTF_8)));
    driver.findElement(By.id("username")).sendKeys("police");
    driver.findElement(By.id("password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
  }
}
