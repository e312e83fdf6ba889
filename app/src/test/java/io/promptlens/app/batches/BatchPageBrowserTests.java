package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The batch page in a real headless Chromium: pick several images, start the batch, watch its
 * progress reach the end on the page, and download the ZIP of captions through the browser.
 */
@AppIntegration
class BatchPageBrowserTests extends BrowserFixture {

  @Test
  void aBatchStartedOnThePageShowsItsProgressAndDownloadsItsCaptions() throws Exception {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, port, ada.email());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Path downloads = Files.createDirectories(temp.resolve("downloads"));
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    List<Path> images =
        List.of(
            Files.write(temp.resolve("beach.jpg"), Photos.jpeg(1, 240, 160)),
            Files.write(temp.resolve("field.jpg"), Photos.jpeg(2, 240, 160)),
            Files.write(temp.resolve("blocks.png"), TestImages.png(120, 90)));

    browser.get(base + "/workspaces/" + ws + "/batches");
    browser
        .findElement(By.id("batch-files"))
        .sendKeys(String.join("\n", images.stream().map(Path::toString).toList()));
    browser.findElement(By.id("batch-trigger")).sendKeys("mystyle");
    browser.findElement(By.id("batch-start")).click();

    wait.until(ExpectedConditions.urlMatches("/workspaces/" + ws + "/batches/[0-9a-f-]{36}$"));
    wait.until(ExpectedConditions.textToBe(By.id("batch-status"), "done"));
    WebElement progress = browser.findElement(By.id("batch-progress"));
    assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max"));
    assertThat(progress.getDomProperty("max")).isEqualTo("3");
    assertThat(browser.findElement(By.id("batch-counts")).getText()).startsWith("3 done");
    List<WebElement> items = browser.findElements(By.cssSelector("#batch-items li"));
    assertThat(items).hasSize(3);
    assertThat(items.get(0).getText()).startsWith("beach.jpg: mystyle, ");
    WebElement zip = browser.findElement(By.id("batch-download-zip"));
    assertThat(zip.isDisplayed()).isTrue();

    zip.click();

    Path file = awaitDownload(downloads, Duration.ofSeconds(30));
    Map<String, String> entries = BatchClient.unzip(Files.readAllBytes(file));
    assertThat(entries).containsOnlyKeys("beach.txt", "field.txt", "blocks.txt", "captions.csv");
    assertThat(entries.get("field.txt")).startsWith("mystyle, ");
    assertThat(entries.get("captions.csv").lines()).hasSize(4);
  }

  private static Path awaitDownload(Path folder, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(folder)) {
        var done = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst();
        if (done.isPresent()) {
          return done.get();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no ZIP was downloaded into " + folder);
  }
}
