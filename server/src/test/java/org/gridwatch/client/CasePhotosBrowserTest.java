package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.gridwatch.support.Browser;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Photos on a phone, in real headless Chromium at 390 × 844: a resident attaches a photo when reporting, the grid
 * worker adds the after-photo of the resolution, and the resident following the case sees both (thumbnails, the
 * after-photo enlarged on a tap); the operator's console shows them too.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class CasePhotosBrowserTest {
  static final String GRID = "370203014001001"; // the demo gridworker's grid
  static ChromeDriver driver;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(390, 844); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  static Path picture(Color colour, int w, int h, String format) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, w, h);
    g.dispose();
    Path file = Files.createTempFile("gridwatch-photo", "." + format);
    ImageIO.write(img, format, file.toFile());
    return file;
  }

  /** The natural size and the centre pixel's colour of an image element once it has loaded (blob: URL). */
  @SuppressWarnings("unchecked")
  List<Long> loaded(WebElement img) {
    Browser.waitFor(driver, 15).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0 && arguments[0].src.startsWith('blob:')", img)));
    return (List<Long>) driver.executeScript("const i = arguments[0], c = document.createElement('canvas');"
        + "c.width = i.naturalWidth; c.height = i.naturalHeight; const x = c.getContext('2d'); x.drawImage(i, 0, 0);"
        + "const p = x.getImageData(c.width >> 1, c.height >> 1, 1, 1).data; return [i.naturalWidth, i.naturalHeight, p[0], p[1], p[2]];", img);
  }

  @Test
  void aResidentsPhotoAndTheWorkersAfterPhotoAreShownToTheResidentFollowingTheCase() throws Exception {
    driver.manage().deleteAllCookies();
    Browser.open(driver, url("/report.html"));
    Point p = new MaximumInscribedCircle(DemoFiles.read("grids").stream().filter(g -> g.code().equals(GRID)).findFirst()
        .orElseThrow().geometry(), 1e-6).getCenter();
    driver.executeScript("gridwatchReport.map.setView([arguments[1], arguments[0]], 17, {animate: false})", p.getX(), p.getY());
    driver.executeScript("gridwatchReport.dropPin(arguments[0], arguments[1])", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("pin-grid-code"), GRID));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByValue("SANITATION");
    driver.findElement(By.id("description")).sendKeys("垃圾桶满了，见照片");
    // a photo, and a note saved with a picture's name: the page sends both, the server refuses the second by its content
    Path note = Files.createTempFile("notes", ".jpg");
    Files.writeString(note, "not a picture");
    driver.findElement(By.id("photos")).sendKeys(picture(new Color(200, 30, 30), 640, 480, "jpg") + "\n" + note);
    assertThat(driver.findElement(By.id("photos-hint")).getText()).contains("6");
    driver.findElement(By.id("submit")).click();
    String id = Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-id"))).getText();
    Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#photo-uploads li.problem")));
    assertThat(driver.findElements(By.cssSelector("#photo-uploads li.done"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("#photo-uploads li.problem")).getText()).contains("上传失败").contains("JPEG");
    WebElement mine = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#track-photos figure[data-kind='REPORT'] img")));
    List<Long> thumb = loaded(mine);
    assertThat(thumb.subList(0, 2)).containsExactly(320L, 240L);
    assertThat(thumb.get(2)).isGreaterThan(150L); // red, as sent
    assertThat(thumb.get(4)).isLessThan(90L);

    // The grid worker resolves with an after-photo (the client uploads, then acts).
    Http http = new Http(port);
    String[] worker = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
    byte[] after = Files.readAllBytes(picture(new Color(30, 170, 60), 800, 600, "png"));
    String boundary = "----photo-test";
    ByteArrayOutputStream form = new ByteArrayOutputStream();
    form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAFTER\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.png\"\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    form.writeBytes(after);
    form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    Http.Response up = http.postBytes("/api/v1/incidents/" + id + "/media", form.toByteArray(),
        "multipart/form-data; boundary=" + boundary, worker);
    assertThat(up.status()).as(up.body()).isEqualTo(201);

    // The resident looks the case up again (this browser kept the follow code) and sees both, the after-photo marked.
    driver.findElement(By.cssSelector("#track-form button[type=submit]")).click();
    WebElement afterImg = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#track-result figure[data-kind='AFTER'] img")));
    List<Long> afterThumb = loaded(afterImg);
    assertThat(afterThumb.subList(0, 2)).containsExactly(320L, 240L);
    assertThat(afterThumb.get(3)).isGreaterThan(130L); // green
    assertThat(driver.findElement(By.cssSelector("#track-result figure[data-kind='AFTER'] figcaption")).getText()).isEqualTo("处置后");
    assertThat(driver.findElements(By.cssSelector("#track-result figure"))).hasSize(2);
    driver.executeScript("document.getElementById('track-result').scrollIntoView()");
    Browser.screenshot(driver, "report-photos-phone-zh");
    // A tap opens the public copy, full size.
    driver.findElement(By.cssSelector("#track-result figure[data-kind='AFTER'] button.thumb")).click();
    WebElement large = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#photo-lightbox img")));
    assertThat(loaded(large).subList(0, 2)).containsExactly(800L, 600L);
    Browser.screenshot(driver, "report-photo-enlarged-phone-zh");
    driver.findElement(By.cssSelector("#photo-lightbox")).click();

    // In English too.
    driver.executeScript("localStorage.setItem('gridwatch.lang', 'en')");
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
    driver.findElement(By.id("track-id")).sendKeys(id);
    driver.findElement(By.cssSelector("#track-form button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(ExpectedConditions.textToBe(By.cssSelector("#track-result figure[data-kind='AFTER'] figcaption"), "After"));
    driver.executeScript("document.getElementById('track-result').scrollIntoView()");
    Browser.screenshot(driver, "report-photos-phone-en");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    Browser.screenshot(driver, "report-photos-desktop-en");

    // The operator's console lists them in the case panel.
    Browser.signIn(driver, url(""), "operator");
    Browser.open(driver, url("/console.html"));
    driver.executeScript("gridwatchConsole.showCase(arguments[0], false)", id);
    WebElement inConsole = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#case-photos figure[data-kind='AFTER'] img")));
    assertThat(loaded(inConsole).get(0)).isEqualTo(320L);
    assertThat(driver.findElements(By.cssSelector("#case-photos figure"))).hasSize(2);
    Browser.screenshot(driver, "console-case-photos");
  }
}
