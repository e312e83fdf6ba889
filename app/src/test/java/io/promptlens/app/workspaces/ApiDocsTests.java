package io.promptlens.app.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.UserSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API description at {@code /api/docs} says what the app does: every API route of the
 * authorisation matrix's table is documented with the success status a permitted caller really
 * gets, the security it really needs, its problem+json errors and no internal parameter; and the
 * UI's "Try it out" works with an API key.
 */
@AppIntegration
class ApiDocsTests {

  @LocalServerPort int port;

  private JsonNode docs() {
    ApiClient.Response docs = new ApiClient(port).get("/api/docs");
    assertThat(docs.status()).isEqualTo(200);
    return docs.json();
  }

  private static List<RouteTable.Row> apiRows() {
    return RouteTable.ROWS.stream().filter(row -> row.path().startsWith("/api/v1/")).toList();
  }

  private static JsonNode operation(JsonNode docs, RouteTable.Row row) {
    String path = row.route().split(" ")[1];
    return docs.path("paths").path(path).path(row.method().toLowerCase());
  }

  @Test
  void everyApiRouteIsDocumentedWithTheSuccessStatusItAnswers() {
    JsonNode docs = docs();
    List<String> wrong = new ArrayList<>();
    for (RouteTable.Row row : apiRows()) {
      JsonNode operation = operation(docs, row);
      if (operation.isMissingNode()) {
        wrong.add(row.route() + ": not documented");
        continue;
      }
      List<String> successes = new ArrayList<>();
      for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          successes.add(response.getKey());
        }
      }
      boolean answersSuccess = row.allowed() >= 200 && row.allowed() < 300;
      if (answersSuccess && !successes.equals(List.of(Integer.toString(row.allowed())))) {
        wrong.add(row.route() + ": documents " + successes + ", answers " + row.allowed());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyOperationDeclaresTheSecurityItNeeds() {
    JsonNode docs = docs();
    List<String> wrong = new ArrayList<>();
    for (RouteTable.Row row : apiRows()) {
      JsonNode security = operation(docs, row).path("security");
      List<String> schemes = new ArrayList<>();
      security.forEach(requirement -> requirement.propertyNames().forEach(schemes::add));
      boolean open = row.access() == RouteTable.Access.PUBLIC;
      if (!security.isArray()
          || (open && !schemes.isEmpty())
          || (!open && !schemes.containsAll(List.of("apiKey", "session")))) {
        wrong.add(row.route() + ": " + security);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void noOperationAsksForTheCallerAndEveryOneDocumentsProblemErrors() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : docs().path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey() + " " + path.getKey();
        operation
            .getValue()
            .path("parameters")
            .forEach(
                parameter -> {
                  if (parameter.path("name").asString().equals("caller")) {
                    wrong.add(name + ": caller parameter");
                  }
                });
        for (String status : List.of("400", "429", "503")) {
          if (!operation
              .getValue()
              .path("responses")
              .path(status)
              .path("content")
              .has("application/problem+json")) {
            wrong.add(name + ": no problem+json " + status);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void tryItOutWithAnApiKeyCreatesACollection(@TempDir Path temp) throws Exception {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    String key =
        ada.postJson(
                "/api/v1/workspaces/" + workspace + "/api-keys",
                "{\"name\": \"docs\", \"scope\": \"write\"}")
            .json()
            .get("key")
            .asString();
    WebDriver browser = Browsers.start(temp);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get("http://localhost:" + port + "/api/docs/ui");
      try {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize")))
            .click();
      } catch (RuntimeException e) {
        java.nio.file.Files.writeString(
            Path.of("target", "api-docs-ui.html"), browser.getPageSource());
        throw e;
      }
      WebElement keyField =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".auth-container input[type='text'], .auth-container input")));
      keyField.sendKeys(key);
      browser.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
      browser.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();

      WebElement operation =
          browser.findElement(
              By.cssSelector("#operations-Library-createCollection, [id$='-createCollection']"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", operation);
      operation.findElement(By.cssSelector(".opblock-summary")).click();
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  operation.findElement(By.cssSelector(".try-out__btn"))))
          .click();
      WebElement workspaceField =
          operation.findElement(By.cssSelector("input[placeholder='workspaceId']"));
      workspaceField.sendKeys(workspace);
      WebElement body = operation.findElement(By.cssSelector("textarea.body-param__text"));
      body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      body.sendKeys("{\"name\": \"From the docs\"}");
      operation.findElement(By.cssSelector(".execute")).click();

      WebElement status =
          wait.until(
              page -> {
                List<WebElement> cells =
                    operation.findElements(
                        By.cssSelector(".live-responses-table tbody .response-col_status"));
                return cells.isEmpty() ? null : cells.get(0);
              });
      assertThat(status.getText().strip()).startsWith("201");
    } finally {
      browser.quit();
    }
    assertThat(ada.get("/api/v1/workspaces/" + workspace + "/collections").body())
        .contains("From the docs");
  }
}
