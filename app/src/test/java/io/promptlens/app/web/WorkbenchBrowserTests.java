package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page's result as a workbench, in a real headless Chromium: the prompt is edited before
 * it is copied, downloaded or saved to the library.
 *
 * <p>The clipboard is read through a stub: before clicking, the test replaces {@code
 * navigator.clipboard} (or, for the fallback, {@code document.execCommand}) with one that records
 * the text in {@code window.copied}. Headless Chromium's real clipboard is not readable from a
 * test.
 */
@AppIntegration
class WorkbenchBrowserTests extends BrowserFixture {

  static final String EDITED = "a red lighthouse on a cliff at dusk, oil painting";

  /** Records what the page writes with the async Clipboard API. */
  static final String CLIPBOARD_STUB =
      "window.copied = [];"
          + " Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {"
          + " writeText: (text) => { window.copied.push(text); return Promise.resolve(); } }});";

  /** No async Clipboard API (as over plain http): the page falls back to execCommand('copy'). */
  static final String NO_CLIPBOARD_STUB =
      "window.copied = [];"
          + " Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});"
          + " document.execCommand = (command) => {"
          + " window.copied.push(document.activeElement.value); return command === 'copy'; };";

  @Test
  void anEditedPromptIsWhatIsCopiedAndTheLengthMeterFollowsTheEdit() throws IOException {
    WebElement prompt = generate("midjourney");
    String compiled = prompt.getText();

    replacePrompt(prompt, EDITED);

    assertThat(text("prompt-meta")).contains(EDITED.length() + " / 6000 characters");
    js(CLIPBOARD_STUB);
    WebElement copyButton = browser.findElement(By.id("copy-button"));
    copyButton.click();
    wait.until(driver -> copyButton.getText().equals("Copied"));
    assertThat(copied()).containsExactly(EDITED);
    assertThat(text("status")).isEqualTo("The prompt is copied.");

    browser.findElement(By.id("reset-prompt")).click();
    assertThat(prompt.getText()).isEqualTo(compiled);
    assertThat(browser.findElement(By.id("reset-prompt")).isDisplayed()).isFalse();
  }

  @Test
  void copyAllGivesThePromptTheNegativePromptAndTheParameters() throws IOException {
    WebElement prompt = generate("sdxl");
    String negative = text("negative-output");
    assertThat(negative).isNotBlank();
    js(CLIPBOARD_STUB);

    browser.findElement(By.id("copy-negative-button")).click();
    browser.findElement(By.id("copy-all-button")).click();

    wait.until(driver -> copied().size() == 2);
    assertThat(copied().get(0)).isEqualTo(negative);
    assertThat(copied().get(1))
        .startsWith(prompt.getText() + "\n\nNegative prompt: " + negative)
        .contains("\n\nParameters:\n");
  }

  @Test
  void withoutTheClipboardApiCopyingFallsBackAndStillSaysCopied() throws IOException {
    WebElement prompt = generate("midjourney");
    replacePrompt(prompt, EDITED);
    js(NO_CLIPBOARD_STUB);

    WebElement copyButton = browser.findElement(By.id("copy-button"));
    copyButton.click();

    wait.until(driver -> copyButton.getText().equals("Copied"));
    assertThat(copied()).containsExactly(EDITED);
  }

  @Test
  void theDownloadsHoldTheEditedPromptAsTextAndTheApisAnswerAsJson() throws IOException {
    WebElement prompt = generate("sdxl");
    String negative = text("negative-output");
    replacePrompt(prompt, EDITED);

    String txt = download("download-txt");
    JsonNode json = JsonMapper.builder().build().readTree(download("download-json"));

    assertThat(txt).isEqualTo(EDITED + "\nNegative prompt: " + negative + "\n");
    assertThat(browser.findElement(By.id("download-txt")).getAttribute("download"))
        .isEqualTo("promptlens-sdxl-full.txt");
    assertThat(json.get("editedPrompt").asString()).isEqualTo(EDITED);
    assertThat(json.get("target").asString()).isEqualTo("sdxl");
    assertThat(json.get("prompt").asString()).isNotEqualTo(EDITED).isNotBlank();
    assertThat(json.get("id").asString()).isNotBlank();
  }

  @Test
  void signedInTheEditedPromptIsSavedIntoACollectionOfTheChosenWorkspace() throws IOException {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    String collection =
        ada.postJson(
                "/api/v1/workspaces/" + workspace + "/collections", "{\"name\": \"Lighthouses\"}")
            .json()
            .get("id")
            .asString();
    Browsers.signIn(browser, port, ada.email());
    WebElement prompt = generate("midjourney");
    replacePrompt(prompt, EDITED);

    new Select(browser.findElement(By.id("save-collection"))).selectByVisibleText("Lighthouses");
    browser.findElement(By.id("save-button")).click();

    WebElement saved =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-link")));
    assertThat(text("saved")).startsWith("Saved to").contains("› Lighthouses");
    JsonNode items =
        ada.get("/api/v1/workspaces/" + workspace + "/library?collection=" + collection).json();
    assertThat(items).hasSize(1);
    JsonNode item = items.get(0);
    assertThat(item.get("current").get("prompt").asString()).isEqualTo(EDITED);
    assertThat(item.get("current").get("target").asString()).isEqualTo("midjourney");
    assertThat(item.get("generationId").isNull()).as("linked to its generation").isFalse();
    assertThat(saved.getAttribute("href"))
        .endsWith("/workspaces/" + workspace + "/library/" + item.get("id").asString());
  }

  @Test
  void signedInTheImageBecomesABrandStyleOfTheWorkspace() throws IOException {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    Browsers.signIn(browser, port, ada.email());
    generate("midjourney");

    browser.findElement(By.id("make-style-button")).click();

    WebElement link =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("style-link")));
    JsonNode presets = ada.get("/api/v1/workspaces/" + workspace + "/presets").json();
    JsonNode generations = ada.get("/api/v1/workspaces/" + workspace + "/generations").json();
    assertThat(presets).hasSize(1);
    assertThat(presets.get(0).get("name").asString()).isEqualTo("Style of reference.png");
    assertThat(presets.get(0).get("analysisId").asString())
        .isEqualTo(generations.get(0).get("analysisId").asString());
    assertThat(presets.get(0).get("style").get("palette")).isNotEmpty();
    assertThat(link.getAttribute("href"))
        .endsWith("/workspaces/" + workspace + "/presets/" + presets.get(0).get("id").asString());
  }

  @Test
  void threeVariationsAreShownSideBySideAndOneCanBeTakenIntoTheEditor() throws IOException {
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    browser.get("http://localhost:" + port + "/");
    browser.findElement(By.cssSelector("#more-controls summary")).click();
    new Select(browser.findElement(By.id("variations"))).selectByValue("3");
    browser.findElement(By.id("subject")).sendKeys("a red fox in the snow");

    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());

    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#variations-list li"), 3));
    List<WebElement> cards = browser.findElements(By.cssSelector("#variations-list li"));
    List<String> texts =
        cards.stream().map(c -> c.findElement(By.tagName("pre")).getText()).toList();
    assertThat(texts).doesNotHaveDuplicates();
    WebElement prompt = browser.findElement(By.id("prompt-output"));
    assertThat(prompt.getText()).isEqualTo(texts.get(0));
    assertThat(cards.get(1).getLocation().getY())
        .as("side by side at desktop width")
        .isEqualTo(cards.get(0).getLocation().getY());

    cards.get(1).findElement(By.className("use-variation")).click();

    assertThat(prompt.getText()).isEqualTo(texts.get(1));
    assertThat(browser.findElement(By.id("reset-prompt")).isDisplayed()).isTrue();
  }

  @Test
  void signedInWithVariationsTheWorkbenchFitsAPhoneAndADesktopAndIsScreenshotted()
      throws IOException {
    UserSession ada = UserSession.verified(port, "Ada");
    Browsers.signIn(browser, port, ada.email());
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));

    for (int width : new int[] {1366, 390}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      browser.get("http://localhost:" + port + "/");
      browser.findElement(By.cssSelector("#more-controls summary")).click();
      new Select(browser.findElement(By.id("variations"))).selectByValue("3");
      browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#variations-list li"), 3));

      assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no sideways overflow at " + width + " px")
          .isTrue();
      assertThat(browser.findElement(By.id("save-button")).isDisplayed()).isTrue();
      js("document.getElementById('output-heading').scrollIntoView({block: 'start'})");
      Files.write(
          screenshots.resolve("workbench-" + width + ".png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  private WebElement generate(String target) throws IOException {
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    browser.get("http://localhost:" + port + "/");
    new Select(browser.findElement(By.id("target"))).selectByValue(target);
    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());
    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    return prompt;
  }

  /** Selects the whole prompt in its editable box and types over it, as a person would. */
  private void replacePrompt(WebElement prompt, String text) {
    prompt.click();
    prompt.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    wait.until(driver -> prompt.getText().equals(text));
    wait.until(driver -> browser.findElement(By.id("reset-prompt")).isDisplayed());
  }

  /** Clicks a download link and reads the file Chromium saved (told where by DevTools). */
  private String download(String id) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("downloads-" + id));
    ((org.openqa.selenium.chrome.ChromeDriver) browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            java.util.Map.of("behavior", "allow", "downloadPath", folder.toString()));
    WebElement link = browser.findElement(By.id(id));
    Path file = folder.resolve(link.getAttribute("download"));
    link.click();
    // Chromium may create the file before it has written it: wait for its content.
    wait.until(
        driver -> {
          try {
            return Files.exists(file) && Files.size(file) > 0;
          } catch (IOException e) {
            return false;
          }
        });
    return Files.readString(file);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  @SuppressWarnings("unchecked")
  private List<String> copied() {
    return (List<String>) js("return window.copied || [];");
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
