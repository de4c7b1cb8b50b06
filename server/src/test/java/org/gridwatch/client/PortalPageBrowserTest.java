package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.address.AddressLine;
import org.gridwatch.address.AddressRegister;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Browser;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public portal on a phone (390×844) in headless Chromium: a resident finds their building by its address and sees
 * their grid's card with the grid member's duty line, their community's notice (its script shown as text, not run) and
 * not the neighbouring community's; the language switch re-words the card; a click on the map in the neighbouring
 * community shows that community's notice instead. Notices are plain rows of the foundation's table.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PortalPageBrowserTest {
  private static final String SCRIPT = "<script>window.portalPwned = 1</script><b>请勿加粗</b>";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AddressRegister addresses;
  @Autowired AreaCatalog catalog;
  @Autowired Clock clock;
  @Autowired DistrictProfile district;
  ChromeDriver driver;
  final List<Long> written = new ArrayList<>();
  final List<String> lines = new ArrayList<>();

  @AfterEach
  void stop() {
    if (driver != null) driver.quit();
    for (long id : written) {
      jdbc.update("DELETE FROM publication_reader WHERE publication_id = ?", id); // opened in the page: a counted read
      jdbc.update("DELETE FROM publication WHERE id = ?", id);
    }
    for (String area : lines) jdbc.update("DELETE FROM duty_line WHERE area_code = ?", area);
  }

  @Test
  void aResidentOnAPhoneFindsTheirGridItsNoticeAsTextAndNotTheNeighboursNotice() throws Exception {
    AddressLine target = addresses.all().stream().filter(a -> a.building() != null).skip(14).findFirst().orElseThrow();
    BuildingView building = catalog.now().buildings().stream().filter(b -> b.code().equals(target.buildingCode())).findFirst().orElseThrow();
    AreaView grid = catalog.now().gridAt(building.location().getX(), building.location().getY()).orElseThrow();
    AreaView community = catalog.now().find(grid.parentCode()).orElseThrow();
    AreaView neighbour = neighbourOf(community);
    long ours = notice(community, "小区停水通知", "明日 9:00–12:00 停水。" + SCRIPT);
    long theirs = notice(neighbour, "邻社区的通知", "仅限邻社区。");
    lines.add(grid.code());
    jdbc.update("DELETE FROM duty_line WHERE area_code = ?", grid.code()); // the demo's own lines
    jdbc.update("INSERT INTO duty_line (area_code, role, phone, updated_at, updated_by) VALUES (?, 'GRID_MEMBER', '0532-80001234', ?, 'test')",
        grid.code(), Timestamp.from(Instant.now()));

    driver = Browser.start(390, 844);
    Browser.open(driver, "http://localhost:" + port + "/portal.html");
    driver.findElement(By.id("address")).sendKeys(target.road() + target.number() + "号" + target.building() + "号楼");
    WebElement found = Browser.waitFor(driver, 10).until(d -> d.findElements(By.cssSelector("#address-results .address-result")).stream()
        .filter(e -> e.getText().startsWith(target.text(null))).findFirst().orElse(null));
    found.click();
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-card[data-grid='" + grid.code() + "']")));
    top();
    Browser.screenshot(driver, "portal-zh-phone");
    WebElement tel = driver.findElement(By.cssSelector("#contacts li[data-role='GRID_MEMBER'] a.tel"));
    assertThat(tel.getAttribute("href")).isEqualTo("tel:053280001234");
    assertThat(driver.findElements(By.cssSelector("#notices details[data-id='" + ours + "']"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("details[data-id='" + theirs + "']"))).isEmpty();

    WebElement notice = driver.findElement(By.cssSelector("#notices details[data-id='" + ours + "']"));
    driver.executeScript("arguments[0].scrollIntoView()", notice);
    notice.findElement(By.tagName("summary")).click();
    WebElement body = notice.findElement(By.cssSelector(".body"));
    Browser.waitFor(driver, 10).until(d -> body.getText().contains("<script>"));
    assertThat(body.getText()).contains(SCRIPT);
    assertThat(body.findElements(By.tagName("b"))).as("markup in a body is text, not HTML").isEmpty();
    assertThat(driver.executeScript("return window.portalPwned === undefined")).isEqualTo(true);
    Browser.screenshot(driver, "portal-zh-phone-notice");

    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#grid-card h3"), "Contact us"));
    assertThat(driver.findElement(By.cssSelector("#contacts li[data-role='GRID_MEMBER'] .role")).getText()).isEqualTo("Grid member");
    assertThat(driver.findElement(By.cssSelector("#notices details[data-id='" + ours + "'] .body")).getText())
        .as("an opened notice stays open and read after the switch").contains(SCRIPT);
    top();
    Browser.screenshot(driver, "portal-en");

    AreaView there = catalog.now().children(neighbour.code()).get(0);
    Point p = there.boundary().getInteriorPoint();
    driver.executeScript("gridwatchPortal.map.setView([arguments[1], arguments[0]], 17)", p.getX(), p.getY());
    Thread.sleep(400);
    Browser.clickMap(driver, "gridwatchPortal.map", p.getX(), p.getY());
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-card[data-grid='" + there.code() + "']")));
    assertThat(driver.findElements(By.cssSelector("#notices details[data-id='" + theirs + "']"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("details[data-id='" + ours + "']"))).isEmpty();
    assertThat(driver.getCurrentUrl()).endsWith("?area=" + there.code());
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    Browser.screenshot(driver, "portal-en-desktop");
  }

  /** The side panel scrolled to the grid's card (as it opens on a phone). */
  private void top() {
    driver.executeScript("gridwatchPortal.showCard()");
  }

  private AreaView neighbourOf(AreaView community) {
    return catalog.now().level(community.level()).stream()
        .filter(c -> !c.code().equals(community.code()) && c.boundary().buffer(1e-6).intersects(community.boundary()))
        .filter(c -> !catalog.now().children(c.code()).isEmpty()).findFirst().orElseThrow();
  }

  private long notice(AreaView community, String title, String body) {
    long id = 980_000_000L + written.size() + (System.nanoTime() % 100_000L) * 10;
    written.add(id);
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO publication (id, kind, title, body, publisher_kind, publisher_level, publisher_name, created_by, area_level,"
        + " area_code, valid_from, status, published_at, created_at, updated_at) VALUES (?, 'NOTICE', ?, ?, 'OFFICER', 'COMMUNITY', ?,"
        + " 'test', 'COMMUNITY', ?, ?, 'PUBLISHED', ?, ?, ?)", id, title, body, community.name() + "居委会", community.code(),
        Date.valueOf(today.minusDays(1)), now, now, now);
    return id;
  }
}
