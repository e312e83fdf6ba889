package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The team story in a real browser: sign up, verify through the mail GreenMail received, create a
 * team, invite a teammate as viewer, generate a prompt into the team, save it to the library and
 * share it; the teammate accepts the mailed invitation, sees the prompt in the team's history and
 * library, and can neither edit it nor add to the team.
 */
@AppIntegration
class TeamFlowBrowserTests extends BrowserFixture {

  @Test
  void signUpVerifyGenerateShareAndAViewerCannotEdit() throws IOException {
    String ada = "ada-" + UUID.randomUUID() + "@example.com";
    UserSession bob = UserSession.verified(port, "Bob");

    open("/sign-up");
    type("firstName", "Ada");
    type("lastName", "Lovelace");
    type("email", ada);
    type("password", UserSession.PASSWORD);
    browser.findElement(By.id("sign-up-button")).click();
    expectText("message-title", t -> t.equals("Check your email"), "Check your email");

    browser.get(TestMail.last(ada).link("/verify?token="));
    expectText("message-title", t -> t.equals("Email verified"), "Email verified");
    signIn(ada);
    expectText("nav-user", t -> t.equals("Ada Lovelace"), "Ada Lovelace");

    open("/workspaces");
    type("name", "Spring campaign");
    browser.findElement(By.id("create-workspace")).click();
    expectText("workspace-name", t -> t.equals("Spring campaign"), "Spring campaign");
    type("invite-email", bob.email());
    new Select(browser.findElement(By.id("invite-role"))).selectByValue("viewer");
    browser.findElement(By.id("invite-button")).click();
    expectText("invited", t -> t.contains("Invitation sent"), "Invitation sent");

    open("/");
    new Select(browser.findElement(By.id("workspace"))).selectByVisibleText("Spring campaign");
    Path image = Files.write(temp.resolve("reference.png"), TestImages.png(640, 360));
    browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());
    WebElement prompt =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prompt-output")));
    wait.until(driver -> !prompt.getText().isBlank());
    String generated = prompt.getText();

    open("/workspaces");
    browser.findElement(By.linkText("Spring campaign")).click();
    browser.findElement(By.id("workspace-history")).click();
    browser.findElement(By.cssSelector("#history .save-to-library")).click();
    expectText("item-state", t -> t.equals("Private to you"), "Private to you");
    browser.findElement(By.id("share-button")).click();
    expectText(
        "item-state", t -> t.equals("Shared with the workspace"), "Shared with the workspace");
    browser.findElement(By.id("sign-out")).click();

    signIn(bob.email());
    browser.get(TestMail.last(bob.email()).link("/invitations/"));
    browser.findElement(By.id("accept-invitation")).click();
    expectText("my-role", t -> t.equals("viewer"), "viewer");
    assertThat(browser.findElements(By.id("invite-form"))).isEmpty();
    browser.findElement(By.id("workspace-history")).click();
    List<WebElement> entries = browser.findElements(By.cssSelector("#history .history-entry"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getText()).contains(generated).contains("Ada Lovelace");

    open("/workspaces");
    browser.findElement(By.linkText("Spring campaign")).click();
    browser.findElement(By.id("workspace-library")).click();
    browser.findElement(By.cssSelector("#library .library-item a")).click();
    expectText("item-text", t -> t.contains(generated), generated);
    assertThat(browser.findElements(By.id("edit-form")))
        .as("a viewer sees the shared prompt but gets no edit form")
        .isEmpty();
    assertThat(browser.findElements(By.id("share-button"))).isEmpty();

    open("/");
    assertThat(
            new Select(browser.findElement(By.id("workspace")))
                .getOptions().stream().map(WebElement::getText))
        .as("a viewer cannot save prompts into the team")
        .doesNotContain("Spring campaign")
        .contains("Bob's workspace");
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private void signIn(String email) {
    open("/sign-in");
    type("email", email);
    type("password", UserSession.PASSWORD);
    browser.findElement(By.id("sign-in-button")).click();
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-user")));
    } catch (RuntimeException e) {
      throw new AssertionError(browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
    }
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Waits until the element shows the expected text. Forms post and redirect, so the element seen
   * before a click may be replaced (stale) or still show the old page's text for a moment.
   */
  private void expectText(String id, java.util.function.Predicate<String> ok, String expected) {
    try {
      wait.ignoring(StaleElementReferenceException.class)
          .until(
              driver -> {
                WebElement element = driver.findElement(By.id(id));
                return element.isDisplayed() && ok.test(element.getText());
              });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "#"
              + id
              + " never showed "
              + expected
              + " at "
              + browser.getCurrentUrl()
              + "\n"
              + browser.getPageSource(),
          e);
    }
  }
}
