package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridwatch.address.AddressLine;
import org.gridwatch.address.AddressRegister;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.support.Browser;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding a place by its address in headless Chromium: a resident on a phone types it on the report page, picks the
 * place, sees the grid that will handle it and reports a case there; a hotline operator does the same in the
 * console's new-case form. The address is a demo building's, read from the address table (the tenth of them).
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class AddressSearchBrowserTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AddressRegister addresses;
  @Autowired AreaCatalog catalog;
  ChromeDriver driver;
  AddressLine target;
  BuildingView building;
  AreaView grid;

  @BeforeEach
  void pick() {
    target = addresses.all().stream().filter(a -> a.building() != null).skip(9).findFirst().orElseThrow();
    building = catalog.now().buildings().stream().filter(b -> b.code().equals(target.buildingCode())).findFirst().orElseThrow();
    grid = catalog.now().gridAt(building.location().getX(), building.location().getY()).orElseThrow();
  }

  @AfterEach
  void stop() { if (driver != null) driver.quit(); }

  @Test
  void aResidentFindsTheAddressOnAPhoneAndReportsThere() throws Exception {
    driver = Browser.start(390, 844);
    Browser.open(driver, "http://localhost:" + port + "/report.html");
    pickAddress("address", "#address-results", target.road() + target.number() + "号" + target.building() + "号楼");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("pin-grid-code"), grid.code()));
    assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo(target.text(null));
    // the category starts on "please choose" (请选择): the resident picks one
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByValue("SANITATION");
    driver.findElement(By.id("description")).sendKeys("楼道灯坏了");
    driver.findElement(By.id("submit")).click();
    String id = Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-id"))).getText();
    Browser.screenshot(driver, "report-address");
    assertReportedAtTheBuilding(id, "RESIDENT_WEB");
  }

  @Test
  void anOperatorTakesAHotlineCallInTheConsolesNewCaseForm() throws Exception {
    driver = Browser.start(1500, 900);
    Browser.signIn(driver, "http://localhost:" + port, "operator");
    Browser.open(driver, "http://localhost:" + port + "/console.html");
    Browser.waitFor(driver, 15).until(ExpectedConditions.elementToBeClickable(By.id("new-case-open"))).click();
    pickAddress("nc-address", "#nc-address-results", target.compound() + target.building() + "号楼");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("nc-grid"), grid.code()));
    driver.findElement(By.id("nc-description")).sendKeys("来电反映：楼下垃圾堆放");
    driver.findElement(By.id("nc-name")).sendKeys("王先生");
    driver.findElement(By.id("nc-phone")).sendKeys("13800001111");
    // The category starts on "please choose": a call is not filed under whatever category happens to come first.
    driver.findElement(By.id("nc-submit")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("nc-result"), "选择类别"));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("nc-category"))).selectByValue("SANITATION");
    driver.findElement(By.id("nc-submit")).click();
    String id = Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("nc-created"))).getText();
    // The new case is selected in the queue and open in the case panel.
    Browser.waitFor(driver, 15).until(ExpectedConditions.attributeContains(By.cssSelector("#queue li[data-id='" + id + "']"), "class", "selected"));
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#detail h2"), id));
    Browser.screenshot(driver, "console-new-case");
    assertReportedAtTheBuilding(id, "HOTLINE");
    assertThat(jdbc.queryForObject("select reporter_phone from incident where public_id = ?", String.class, id)).isEqualTo("13800001111");
  }

  /** Types into the box, waits for the places found and picks the target building's. */
  void pickAddress(String input, String list, String text) {
    driver.findElement(By.id(input)).sendKeys(text);
    WebElement result = Browser.waitFor(driver, 10).until(d -> d.findElements(By.cssSelector(list + " .address-result")).stream()
        .filter(e -> e.getText().startsWith(target.text(null))).findFirst().orElse(null));
    result.click();
  }

  void assertReportedAtTheBuilding(String id, String channel) {
    Map<String, Object> row = jdbc.queryForMap("select grid_code, address, channel, ST_X(location) x, ST_Y(location) y from incident where public_id = ?", id);
    assertThat(row.get("grid_code")).isEqualTo(grid.code());
    assertThat(row.get("address")).isEqualTo(target.text(null));
    assertThat(row.get("channel")).isEqualTo(channel);
    assertThat(((Number) row.get("x")).doubleValue()).isCloseTo(building.location().getX(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(((Number) row.get("y")).doubleValue()).isCloseTo(building.location().getY(), org.assertj.core.data.Offset.offset(1e-6));
  }
}
