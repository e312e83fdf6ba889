package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.Teams;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The signed-in header in a real headless Chromium: a workspace switcher (personal and teams) and
 * the current workspace's History, Library, Brand styles, Usage and Settings, which follow the
 * workspace the person works in.
 */
@AppIntegration
class WorkspaceHeaderBrowserTests extends BrowserFixture {

  UserSession ada;
  String personal;
  String team;

  @BeforeEach
  void adaWithATeamSignsIn() {
    ada = UserSession.verified(port, "Ada");
    personal = ada.personalWorkspace();
    team = Teams.team(ada, "Spring campaign");
    Browsers.signIn(browser, port, ada.email());
  }

  @Test
  void atFirstTheHeaderLinksGoToThePersonalWorkspace() {
    open("/account");

    assertThat(text("current-workspace")).isEqualTo("Ada's workspace");
    assertThat(href("nav-history")).endsWith("/history?workspace=" + personal);
    assertThat(href("nav-library")).endsWith("/workspaces/" + personal + "/library");
    assertThat(href("nav-presets")).endsWith("/workspaces/" + personal + "/presets");
    assertThat(href("nav-usage")).endsWith("/workspaces/" + personal + "/usage");
    assertThat(href("nav-settings")).endsWith("/workspaces/" + personal);
  }

  @Test
  void theSwitcherListsEveryWorkspaceAndKeepsThePageOneIsOn() {
    open("/workspaces/" + personal + "/library");

    browser.findElement(By.cssSelector("#workspace-switcher summary")).click();
    assertThat(browser.findElements(By.cssSelector("#workspace-switcher .switch-workspace")))
        .extracting(e -> e.getText())
        .containsExactly("Ada's workspace · personal", "Spring campaign · team");
    browser.findElement(By.partialLinkText("Spring campaign")).click();

    assertThat(browser.getCurrentUrl()).endsWith("/workspaces/" + team + "/library");
    assertThat(text("current-workspace")).isEqualTo("Spring campaign");
    assertThat(browser.findElement(By.id("nav-library")).getAttribute("aria-current"))
        .isEqualTo("page");
  }

  @Test
  void afterWorkingInATeamHistoryOpensTheTeamsHistoryFromAnyPage() {
    open("/workspaces/" + team + "/presets");

    open("/account");
    assertThat(text("current-workspace")).isEqualTo("Spring campaign");
    browser.findElement(By.id("nav-history")).click();

    assertThat(browser.getCurrentUrl()).endsWith("/history?workspace=" + team);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Spring campaign");
  }

  @Test
  void choosingATeamToSaveToOnTheHomePageMakesItTheCurrentWorkspace() {
    open("/");

    new Select(browser.findElement(By.id("workspace"))).selectByVisibleText("Spring campaign");

    assertThat(text("current-workspace")).isEqualTo("Spring campaign");
    assertThat(href("nav-library")).endsWith("/workspaces/" + team + "/library");
    open("/account");
    assertThat(href("nav-history")).endsWith("/history?workspace=" + team);
    open("/");
    assertThat(
            new Select(browser.findElement(By.id("workspace"))).getFirstSelectedOption().getText())
        .as("the home page starts in the current workspace")
        .isEqualTo("Spring campaign");
  }

  @Test
  void aRememberedWorkspaceThePersonDoesNotBelongToIsIgnored() {
    UserSession bob = UserSession.verified(port, "Bob");
    String bobs =
        bob.postJson("/api/v1/workspaces", "{\"name\": \"Bob's team\"}")
            .json()
            .get("id")
            .asString();
    // A remembered id of a workspace Ada does not belong to (left, or a forged cookie).
    browser.manage().addCookie(new org.openqa.selenium.Cookie("promptlens-workspace", bobs));

    open("/account");

    assertThat(text("current-workspace")).isEqualTo("Ada's workspace");
    assertThat(browser.getPageSource()).doesNotContain(bobs);
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String href(String id) {
    return browser.findElement(By.id(id)).getAttribute("href");
  }
}
