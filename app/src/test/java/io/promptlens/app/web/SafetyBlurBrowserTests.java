package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A workspace whose safety action is "blur", in a real headless Chromium ({@link Browsers}), with
 * the analyzer made to mark every image as explicit: the page blurs the uploaded image and the
 * history blurs the thumbnail until "Show image" is clicked.
 */
@AppIntegration
class SafetyBlurBrowserTests extends BrowserFixture {

  @MockitoSpyBean ImageAnalyzer analyzer;

  @BeforeEach
  void everyImageIsExplicit() {
    doReturn(TestAnalyses.withSafety("explicit")).when(analyzer).analyze(any(DecodedImage.class));
  }

  String filter(WebElement element) {
    return element.getCssValue("filter");
  }

  @Test
  void aMarkedImageIsShownBlurredUntilTheUserAsksToSeeIt() throws IOException {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();
    Response changed =
        ada.putJson(
            "/api/v1/workspaces/" + ws + "/settings",
            "{\"safetyAction\": \"blur\", \"thumbnails\": true}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    String base = "http://localhost:" + port;
    Browsers.signIn(browser, port, ada.email());
    browser.get(base + "/");
    Path image =
        Files.write(temp.resolve("reference.png"), TestImages.checkerboardPng(640, 360, 20));

    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlay")));
    WebElement stage = browser.findElement(By.id("overlay-stage"));
    wait.until(driver -> stage.getAttribute("class").contains("is-blurred"));
    WebElement overlayImage = browser.findElement(By.id("overlay-image"));
    WebElement preview = browser.findElement(By.id("preview"));
    assertThat(filter(overlayImage)).startsWith("blur(");
    assertThat(filter(preview)).startsWith("blur(");
    assertThat(browser.findElement(By.id("warnings")).getText()).contains("explicit");
    WebElement reveal = browser.findElement(By.id("reveal-overlay"));
    assertThat(reveal.isDisplayed()).isTrue();
    assertThat(reveal.getText()).isEqualTo("Show image");
    assertThat(browser.findElement(By.id("reveal-preview")).isDisplayed()).isTrue();

    reveal.click();

    wait.until(driver -> !stage.getAttribute("class").contains("is-blurred"));
    assertThat(filter(overlayImage)).isEqualTo("none");
    assertThat(filter(preview)).isEqualTo("none");
    assertThat(reveal.isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("reveal-preview")).isDisplayed()).isFalse();

    // The history: the (already server-blurred) thumbnail is blurred again until asked for.
    browser.get(base + "/history?workspace=" + ws);
    WebElement thumbnail =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".history-thumbnail")));
    assertThat(filter(thumbnail)).startsWith("blur(");
    WebElement show = browser.findElement(By.cssSelector(".history-entry .reveal-button"));
    assertThat(show.isDisplayed()).isTrue();

    show.click();

    wait.until(driver -> filter(thumbnail).equals("none"));
    assertThat(show.isDisplayed()).isFalse();
  }
}
