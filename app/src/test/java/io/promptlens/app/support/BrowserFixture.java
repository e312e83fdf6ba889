package io.promptlens.app.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test's fixture: a fresh headless Chromium per test ({@link Browsers#start}), a 20 s
 * wait on it, and the app's port; the browser is closed after each test.
 */
public abstract class BrowserFixture {

  @LocalServerPort protected int port;
  @TempDir protected Path temp;
  protected WebDriver browser;
  protected WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = Browsers.start(temp);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }
}
