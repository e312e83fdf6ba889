package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.UserSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One design system on every page, in a real headless Chromium: light and dark themes chosen by the
 * header's switch (remembered) or by the system, every kind of form control styled alike, and a
 * required field that is not red before anyone typed in it.
 */
@AppIntegration
class DesignSystemBrowserTests extends BrowserFixture {

  /** {@code --bg} of each theme, as the browser computes the page's background. */
  static final String LIGHT_BACKGROUND = "rgb(246, 247, 251)";

  static final String DARK_BACKGROUND = "rgb(15, 18, 32)";

  @Test
  void withNoChoiceMadeTheSystemPreferenceDecidesTheTheme() {
    prefer("dark");
    open("/sign-in");
    assertThat(background()).isEqualTo(DARK_BACKGROUND);

    prefer("light");
    open("/sign-in");
    assertThat(background()).isEqualTo(LIGHT_BACKGROUND);
  }

  @Test
  void theHeaderSwitchChangesTheThemeAndEveryLaterPageRemembersIt() {
    prefer("light");
    open("/sign-in");
    WebElement toggle = browser.findElement(By.id("theme-toggle"));
    assertThat(toggle.getAttribute("aria-label")).isEqualTo("Switch to the dark theme");

    toggle.click();

    assertThat(background()).isEqualTo(DARK_BACKGROUND);
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
    open("/privacy");
    assertThat(background()).as("another page, same choice").isEqualTo(DARK_BACKGROUND);
    open("/");
    assertThat(background()).as("the home page too").isEqualTo(DARK_BACKGROUND);
    browser.navigate().refresh();
    assertThat(background()).isEqualTo(DARK_BACKGROUND);

    browser.findElement(By.id("theme-toggle")).click();
    open("/");
    assertThat(background()).isEqualTo(LIGHT_BACKGROUND);
  }

  @Test
  void emailPasswordAndTextFieldsLookTheSame() {
    open("/sign-up");
    Map<String, String> text = style("firstName");

    assertThat(style("email")).isEqualTo(text);
    assertThat(style("password")).isEqualTo(text);
    assertThat(text.get("border-top-left-radius")).isNotEqualTo("0px");
    assertThat(text.get("padding-left")).isNotEqualTo("0px").isNotEqualTo("1px");
  }

  @Test
  void aRequiredFieldIsNotRedBeforeAnyoneTypedButIsAfterAWrongEntry() {
    open("/sign-in");
    WebElement email = browser.findElement(By.id("email"));
    String danger =
        js("return getComputedStyle(document.documentElement).getPropertyValue('--danger').trim()");
    String dangerRgb = rgb(danger);

    assertThat(borderColor("email")).isNotEqualTo(dangerRgb);

    email.sendKeys("not an address");
    browser.findElement(By.id("password")).click();
    assertThat(borderColor("email")).isEqualTo(dangerRgb);
  }

  @Test
  void theLibraryEditBoxTakesTheFormsWidth() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    String item =
        ada.postJson(
                "/api/v1/workspaces/" + workspace + "/library",
                "{\"title\": \"Lighthouse\", \"prompt\": \"a red lighthouse at dusk\","
                    + " \"target\": \"flux\"}")
            .json()
            .get("id")
            .asString();
    Browsers.signIn(browser, port, ada.email());

    open("/workspaces/" + workspace + "/library/" + item);

    WebElement box = browser.findElement(By.id("prompt"));
    WebElement title = browser.findElement(By.id("title"));
    assertThat(box.getSize().getWidth()).isEqualTo(title.getSize().getWidth()).isGreaterThan(400);
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private void prefer(String scheme) {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  private String background() {
    return js("return getComputedStyle(document.body).backgroundColor");
  }

  private String borderColor(String id) {
    return js("return getComputedStyle(document.getElementById(arguments[0])).borderTopColor", id);
  }

  /** The properties that make two controls look alike. */
  private Map<String, String> style(String id) {
    WebElement element = browser.findElement(By.id(id));
    return Map.of(
        "border-top-left-radius", element.getCssValue("border-top-left-radius"),
        "border-top-color", element.getCssValue("border-top-color"),
        "border-top-width", element.getCssValue("border-top-width"),
        "padding-left", element.getCssValue("padding-left"),
        "background-color", element.getCssValue("background-color"),
        "font-size", element.getCssValue("font-size"),
        "height", element.getCssValue("height"));
  }

  /** A CSS colour as the browser computes it ("rgb(r, g, b)"). */
  private String rgb(String color) {
    return js(
        "const probe = document.createElement('span'); probe.style.color = arguments[0];"
            + " document.body.appendChild(probe); const value = getComputedStyle(probe).color;"
            + " probe.remove(); return value;",
        color);
  }

  @SuppressWarnings("unchecked")
  private <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) browser).executeScript(script, args);
  }
}
