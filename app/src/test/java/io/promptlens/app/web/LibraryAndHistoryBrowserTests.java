package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * History and library pages in a real headless Chromium: copy, re-target and open in the workbench
 * from the history; search, tag and collection filters and moving between collections in the
 * library; brand styles that speak product words and keep the form after applying.
 */
@AppIntegration
class LibraryAndHistoryBrowserTests extends BrowserFixture {

  UserSession ada;
  String workspace;

  @BeforeEach
  void adaSignsIn() {
    ada = UserSession.verified(port, "Ada");
    workspace = ada.personalWorkspace();
    Browsers.signIn(browser, port, ada.email());
  }

  @Test
  void aHistoryRowCopiesItsPrompt() {
    JsonNode generation = generate("midjourney");
    open("/history?workspace=" + workspace);
    js(WorkbenchBrowserTests.CLIPBOARD_STUB);

    browser.findElement(By.cssSelector("#history .copy-prompt")).click();

    wait.until(driver -> !copied().isEmpty());
    assertThat(copied()).containsExactly(generation.get("prompt").asString());
  }

  @Test
  void reTargetingAHistoryRowWritesTheStoredAnalysisForTheNewTargetInTheWorkbench() {
    JsonNode generation = generate("midjourney");
    open("/history?workspace=" + workspace);

    new Select(browser.findElement(By.cssSelector("#history .retarget-form select")))
        .selectByValue("sdxl");
    browser.findElement(By.cssSelector("#history .retarget")).click();

    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    assertThat(new Select(browser.findElement(By.id("target"))).getFirstSelectedOption().getText())
        .isEqualTo("Stable Diffusion XL");
    JsonNode history = ada.get("/api/v1/workspaces/" + workspace + "/generations").json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("target").asString()).isEqualTo("sdxl");
    assertThat(history.get(0).get("analysisId").asString())
        .as("no new upload: the stored analysis")
        .isEqualTo(generation.get("analysisId").asString());
    assertThat(prompt.getText()).isEqualTo(history.get(0).get("prompt").asString());
  }

  @Test
  void theLibraryIsSearchedAndFilteredByTagAndCollection() {
    String campaign = collection("Campaign");
    save("Lighthouse", "a red lighthouse at dusk", "[\"coast\"]", campaign);
    save("Harbour", "fishing boats in a harbour", "[\"coast\", \"boats\"]", null);
    save("Forest", "a misty pine forest", "[\"trees\"]", null);
    open("/workspaces/" + workspace + "/library");
    assertThat(titles()).containsExactlyInAnyOrder("Lighthouse", "Harbour", "Forest");

    browser.findElement(By.id("library-q")).sendKeys("harbour");
    navigateBy("library-filter");
    assertThat(titles()).containsExactly("Harbour");

    navigateBy("library-clear");
    new Select(browser.findElement(By.id("library-tag"))).selectByValue("coast");
    navigateBy("library-filter");
    assertThat(titles()).containsExactlyInAnyOrder("Lighthouse", "Harbour");

    new Select(browser.findElement(By.id("library-collection"))).selectByVisibleText("Campaign");
    navigateBy("library-filter");
    assertThat(titles()).containsExactly("Lighthouse");

    browser.findElement(By.id("library-q")).sendKeys("nothing like this");
    navigateBy("library-filter");
    assertThat(titles()).isEmpty();
    assertThat(browser.findElement(By.id("library-no-match")).getText())
        .contains("No saved prompt matches");
  }

  @Test
  void anItemIsAddedToACollectionAndMovedToAnother() {
    String campaign = collection("Campaign");
    String archive = collection("Archive");
    String item = save("Lighthouse", "a red lighthouse at dusk", "[]", null);
    open("/workspaces/" + workspace + "/library");

    new Select(browser.findElement(By.id("move-" + item))).selectByVisibleText("Campaign");
    navigateBy(By.cssSelector(".move-item"));
    assertThat(browser.findElement(By.id("moved")).getText()).isEqualTo("Moved.");
    assertThat(collectionOf(item)).isEqualTo(campaign);
    assertThat(browser.findElement(By.cssSelector(".library-item .meta")).getText())
        .endsWith("in Campaign");

    new Select(browser.findElement(By.id("move-" + item))).selectByVisibleText("Archive");
    navigateBy(By.cssSelector(".move-item"));
    assertThat(collectionOf(item)).isEqualTo(archive);
  }

  @Test
  void anEmptyBrandStylesPageExplainsInProductWords() {
    open("/workspaces/" + workspace + "/presets");

    String empty = browser.findElement(By.id("presets-empty")).getText();
    assertThat(empty).contains("No brand style yet").contains("colours");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .doesNotContain("POST")
        .doesNotContain("/api/");
  }

  @Test
  void afterApplyingAStyleTheFormKeepsTargetAndSubjectAndShowsTheNegativePrompt() {
    String preset =
        ada.postJson(
                "/api/v1/workspaces/" + workspace + "/presets",
                "{\"name\": \"Brand\", \"style\": {\"palette\": [{\"hex\": \"#1F4EA8\"}]}}")
            .json()
            .get("id")
            .asString();
    open("/workspaces/" + workspace + "/presets/" + preset);

    browser.findElement(By.id("subject")).sendKeys("a cyclist on a bridge");
    new Select(browser.findElement(By.id("target"))).selectByValue("sdxl");
    new Select(browser.findElement(By.id("mode"))).selectByValue("full");
    navigateBy("apply-button");

    assertThat(browser.findElement(By.id("applied")).getText()).contains("cyclist");
    assertThat(browser.findElement(By.id("subject")).getAttribute("value"))
        .isEqualTo("a cyclist on a bridge");
    assertThat(
            new Select(browser.findElement(By.id("target")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("sdxl");
    assertThat(
            new Select(browser.findElement(By.id("mode")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("full");
    assertThat(browser.findElement(By.id("applied-negative")).getText()).isNotBlank();
  }

  private JsonNode generate(String target) {
    return ada.prompt(workspace, TestImages.png(640, 360), Map.of("target", target)).json();
  }

  private String collection(String name) {
    return ada.postJson(
            "/api/v1/workspaces/" + workspace + "/collections", "{\"name\": \"" + name + "\"}")
        .json()
        .get("id")
        .asString();
  }

  private String save(String title, String prompt, String tags, String collection) {
    return ada.postJson(
            "/api/v1/workspaces/" + workspace + "/library",
            "{\"title\": \""
                + title
                + "\", \"prompt\": \""
                + prompt
                + "\", \"target\": \"flux\", \"tags\": "
                + tags
                + (collection == null ? "" : ", \"collectionId\": \"" + collection + "\"")
                + "}")
        .json()
        .get("id")
        .asString();
  }

  private String collectionOf(String item) {
    JsonNode node =
        ada.get("/api/v1/workspaces/" + workspace + "/library/" + item).json().get("collectionId");
    return node == null || node.isNull() ? null : node.asString();
  }

  /**
   * Clicks a control that loads another page (the filter form is a GET) and waits until the old
   * page is gone, so what is read next is the new page, not elements of the one being left.
   */
  private void navigateBy(String id) {
    navigateBy(By.id(id));
  }

  private void navigateBy(By control) {
    WebElement old = browser.findElement(By.tagName("html"));
    browser.findElement(control).click();
    wait.until(Browsers.replaced(old));
  }

  private List<String> titles() {
    return browser.findElements(By.cssSelector("#library .item-title")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  @SuppressWarnings("unchecked")
  private List<String> copied() {
    return (List<String>) js("return window.copied || [];");
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
