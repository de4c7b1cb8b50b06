package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.gridwatch.calendar.YearSchedules;
import org.gridwatch.support.Browser;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console tells ADMIN, and only ADMIN, which year's holidays the SLA clock is missing. */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class CalendarBannerBrowserTest {
  static ChromeDriver driver;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired YearSchedules schedules;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1500, 900); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  @Test
  void anAdminSeesWhichYearIsMissingInBothLanguagesAndAnOperatorDoesNot() throws Exception {
    // Whatever today is, make this year due: take its schedule away for the test (put back after).
    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    Map<String, Object> row = jdbc.queryForList("select * from calendar_year where year_number = ?", year).stream().findFirst().orElse(null);
    jdbc.update("delete from calendar_year where year_number = ?", year);
    schedules.reload();
    try {
      Browser.signIn(driver, url(""), "admin");
      Browser.open(driver, url("/console.html"));
      WebElement banner = driver.findElement(By.id("calendar-banner"));
      Browser.waitFor(driver, 10).until(d -> banner.isDisplayed());
      // In December the next year is due as well and named beside this one.
      assertThat(banner.getText()).startsWith(String.valueOf(year)).contains("年节假日安排尚未录入").contains("周一至周五");
      driver.findElement(By.id("lang")).click();
      Browser.waitFor(driver, 10).until(d -> banner.getText().contains("The " + year));
      assertThat(banner.getText()).contains("not loaded").contains("Monday to Friday");
      Browser.screenshot(driver, "console-calendar-banner");

      Browser.signIn(driver, url(""), "operator");
      Browser.open(driver, url("/console.html"));
      Thread.sleep(1000); // the banner request would have come back by now
      assertThat(driver.findElement(By.id("calendar-banner")).isDisplayed()).as("operators are not asked to load calendars").isFalse();
    } finally {
      if (row != null) {
        jdbc.update("insert into calendar_year (year_number, holidays, workdays, source, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)",
            row.get("YEAR_NUMBER"), row.get("HOLIDAYS"), row.get("WORKDAYS"), row.get("SOURCE"), row.get("UPDATED_AT"), row.get("UPDATED_BY"));
      }
      schedules.reload();
    }
  }
}
