package io.promptlens.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The rights in a real browser, on the account page: download the export, restrict processing (an
 * upload is then refused), lift the restriction, and delete the account.
 */
@AppIntegration
class PrivacyBrowserTests extends BrowserFixture {

  /** Fetches a URL with the page's cookies; answers "status content-type first-two-bytes". */
  private static final String FETCH_EXPORT =
      """
      const done = arguments[arguments.length - 1];
      fetch('/api/v1/me/export').then(async r => {
        const bytes = new Uint8Array(await r.arrayBuffer());
        done(r.status + ' ' + r.headers.get('Content-Type') + ' '
            + String.fromCharCode(bytes[0], bytes[1]));
      }).catch(e => done('failed ' + e));
      """;

  /** Uploads to the personal workspace as the page's own script would (CSRF header included). */
  private static final String UPLOAD =
      """
      const done = arguments[arguments.length - 1];
      const workspace = arguments[0];
      const canvas = document.createElement('canvas');
      canvas.width = 32;
      canvas.height = 24;
      const context = canvas.getContext('2d');
      context.fillStyle = '#1f4ea8';
      context.fillRect(0, 0, 32, 24);
      canvas.toBlob(png => {
        const form = new FormData();
        form.append('image', png, 'drawn.png');
        fetch('/api/v1/workspaces/' + workspace + '/prompts', {method: 'POST', body: form,
            headers: {'X-XSRF-TOKEN': document.querySelector('meta[name=_csrf]').content}})
          .then(r => done(String(r.status))).catch(e => done('failed ' + e));
      }, 'image/png');
      """;

  @Test
  void exportRestrictLiftAndDeleteFromTheAccountPage() {
    UserSession person = People.signedUp(port, People.ip());
    String workspace = person.personalWorkspace();
    signIn(person.email());

    browser.get(url("/account"));
    String export = (String) ((JavascriptExecutor) browser).executeAsyncScript(FETCH_EXPORT);
    assertThat(export).startsWith("200 application/zip").endsWith("PK");

    browser.findElement(By.id("restriction-button")).click();
    wait.until(
        ExpectedConditions.textToBe(
            By.id("restriction-state"), "Restricted: we keep your data but do nothing with it."));
    assertThat(upload(workspace)).isEqualTo("403");

    browser.findElement(By.id("restriction-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("restriction-state"), "Not restricted."));
    assertThat(upload(workspace)).as("processing runs again").isEqualTo("201");

    browser.findElement(By.id("delete-password")).sendKeys(UserSession.PASSWORD);
    browser.findElement(By.id("delete-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("message-title"), "Your account will be deleted"));
    browser.get(url("/account"));
    wait.until(ExpectedConditions.urlContains("/sign-in"));
    assertThat(person.get("/api/v1/me").status()).as("signed out everywhere").isEqualTo(401);
  }

  private String upload(String workspace) {
    browser.get(url("/account"));
    return (String) ((JavascriptExecutor) browser).executeAsyncScript(UPLOAD, workspace);
  }

  private void signIn(String email) {
    browser.get(url("/sign-in"));
    browser.findElement(By.name("email")).sendKeys(email);
    browser.findElement(By.name("password")).sendKeys(UserSession.PASSWORD);
    browser.findElement(By.id("sign-in-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-account")));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
