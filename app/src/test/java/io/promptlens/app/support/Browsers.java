package io.promptlens.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium: the system's chromium and chromedriver, so Selenium Manager never
 * downloads a browser. Each call gets a fresh profile (no cookies) under {@code temp}.
 */
public final class Browsers {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browsers() {}

  public static WebDriver start(Path temp) throws IOException {
    assertThat(Path.of(CHROMIUM)).as("Chromium must be installed at " + CHROMIUM).isExecutable();
    assertThat(Path.of(CHROMEDRIVER))
        .as("chromedriver must be installed at " + CHROMEDRIVER)
        .isExecutable();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory(temp, "profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    return new ChromeDriver(service, options);
  }

  /** Signs in through the sign-in page, as a person would, and waits for the signed-in header. */
  public static void signIn(WebDriver browser, int port, String email) {
    browser.get("http://localhost:" + port + "/sign-in");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(UserSession.PASSWORD);
    browser.findElement(By.id("sign-in-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-user")));
  }

  /**
   * Waits for {@code old} to leave the document: the page it was on was replaced. Unlike {@link
   * ExpectedConditions#stalenessOf}, this also reads Chromium's answer for a node asked about in
   * the middle of the swap ("Node with given id does not belong to the document", a plain
   * WebDriverException) as gone, which made a library test fail once in CI.
   */
  public static ExpectedCondition<Boolean> replaced(WebElement old) {
    return driver -> {
      try {
        old.isEnabled();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      } catch (WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  /** Whether the page is wider than the window (a sideways scroll bar on a phone). */
  public static boolean overflowsSideways(WebDriver browser) {
    return !(Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
  }

  /**
   * Writes the whole page (beyond the window, through DevTools) to {@code
   * app/target/screenshots/NAME.png}, for review.
   */
  public static Path screenshot(WebDriver browser, String name) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "screenshots"));
    byte[] png;
    if (browser instanceof ChromeDriver chrome) {
      Object data =
          chrome
              .executeCdpCommand(
                  "Page.captureScreenshot",
                  java.util.Map.of("format", "png", "captureBeyondViewport", true))
              .get("data");
      png = java.util.Base64.getDecoder().decode((String) data);
    } else {
      png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    }
    return Files.write(folder.resolve(name + ".png"), png);
  }
}
