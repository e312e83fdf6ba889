package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The anonymous "try it" page in a real headless Chromium ({@link Browsers}). */
@AppIntegration
class HomePageBrowserTests extends BrowserFixture {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void anUploadedImageTurnsIntoAMidjourneyPromptWithItsPalette() throws IOException {
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    browser.get("http://localhost:" + port + "/");
    assertThat(
            new Select(browser.findElement(By.id("target")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("midjourney");

    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());

    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    assertThat(prompt.getText()).contains("--ar 16:9");
    List<WebElement> swatches = browser.findElements(By.cssSelector("#palette .swatch"));
    assertThat(swatches).isNotEmpty();
    assertThat(swatches.get(0).getText()).containsPattern("#[0-9A-F]{6}").contains("%");
    assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("copy-button")).isDisplayed()).isTrue();
  }

  @Test
  void theResultDrawsTheAnalysisOnTheUploadedImageWithAThirdsGridThatCanBeSwitchedOff()
      throws IOException {
    chooseAnImageOnTheHomePage();

    WebElement overlay =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlay")));
    assertThat(browser.findElement(By.id("overlay-image")).getAttribute("src")).startsWith("blob:");
    List<WebElement> gridLines =
        browser.findElements(By.cssSelector("#overlay [data-layer=grid] .grid-line"));
    assertThat(gridLines).hasSize(4).allMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.id("overlay-caption")).getText())
        .startsWith("Subject position:");
    assertThat(overlay.getSize().getWidth()).isPositive();

    WebElement gridToggle = browser.findElement(By.id("toggle-grid"));
    gridToggle.sendKeys(Keys.SPACE);
    wait.until(driver -> !gridLines.get(0).isDisplayed());
    assertThat(gridToggle.isSelected()).isFalse();
  }

  @Test
  void anUnnamedSubjectIsAskedForAndTheAnswerRewritesThePromptWithoutANewAnalysis()
      throws IOException {
    chooseAnImageOnTheHomePage();
    WebElement ask =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-subject")));
    WebElement prompt = browser.findElement(By.id("prompt-output"));
    String before = prompt.getText();
    long analyses = analyses();
    assertThat(ask.getText()).contains("could not name");
    assertThat(before).doesNotContainIgnoringCase("lighthouse");

    browser.findElement(By.id("what-is-it")).sendKeys("a red lighthouse on a cliff");
    browser.findElement(By.id("what-is-it-button")).click();

    // The server renders the new result, which replaces the old one (its elements go stale).
    wait.until(Browsers.replaced(prompt));
    wait.until(
        driver ->
            driver
                .findElement(By.id("prompt-output"))
                .getText()
                .toLowerCase()
                .contains("a red lighthouse on a cliff"));
    assertThat(browser.findElements(By.id("ask-subject")))
        .as("a named subject is not asked for")
        .isEmpty();
    assertThat(analyses()).as("the same analysis, recompiled").isEqualTo(analyses);
    assertThat(browser.findElement(By.id("subject")).getAttribute("value"))
        .isEqualTo("a red lighthouse on a cliff");
  }

  long analyses() {
    return jdbc.sql("SELECT COUNT(*) FROM analyses").query(Long.class).single();
  }

  @Test
  void aFileThatIsNotAnImageShowsTheServersMessage() throws IOException {
    Path text = Files.write(temp.resolve("notes.txt"), TestImages.text());
    browser.get("http://localhost:" + port + "/");

    browser.findElement(By.id("image-input")).sendKeys(text.toAbsolutePath().toString());

    WebElement error =
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).isNotBlank().doesNotContain("Exception");
  }

  @Test
  void anUnreadableFileAfterAGoodResultReplacesItWithAnErrorNamingTheFile() throws IOException {
    Path good = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    byte[] jpeg = TestImages.jpeg(640, 360);
    Path truncated =
        Files.write(temp.resolve("half.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
    browser.get("http://localhost:" + port + "/");
    browser.findElement(By.id("image-input")).sendKeys(good.toAbsolutePath().toString());
    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());

    browser.findElement(By.id("image-input")).sendKeys(truncated.toAbsolutePath().toString());

    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).contains("half.jpg").contains("Try");
    assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("preview")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("file-name")).getText()).isEmpty();
  }

  @Test
  void theLengthMeterCountsCharactersForACharacterLimitedTarget() throws IOException {
    chooseAnImageOnTheHomePage();

    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    String length =
        (String)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return String(document.getElementById('prompt-output').textContent.length)");
    assertThat(browser.findElement(By.id("prompt-meta")).getText())
        .contains(length + " / 6000 characters");
  }

  @Test
  void atPhoneWidthTheResultIsBroughtIntoViewAndNothingOverflowsSideways() throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    chooseAnImageOnTheHomePage();

    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    wait.until(
        driver ->
            (Boolean)
                js.executeScript(
                    "const r = document.getElementById('prompt-output').getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < window.innerHeight;"));
    assertThat(
            (Boolean)
                js.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"))
        .isTrue();
  }

  /** Opens the home page and chooses a 640×360 image in its file input, as a person would. */
  private void chooseAnImageOnTheHomePage() throws IOException {
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    browser.get("http://localhost:" + port + "/");
    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());
  }
}
