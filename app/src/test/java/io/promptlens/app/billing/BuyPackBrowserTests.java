package io.promptlens.app.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.PolarStub;
import io.promptlens.app.support.PolarWebhooks;
import io.promptlens.app.support.UserSession;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buying a credit pack in a real browser: the Plan &amp; credits page's "Buy" goes through the
 * stubbed Polar checkout (whose hosted page is, here, the success URL itself), the signed {@code
 * order.paid} arrives over HTTP twice, and the balance the page shows rises exactly once.
 */
@BillingIntegration
class BuyPackBrowserTests extends BrowserFixture {

  @Autowired JdbcClient jdbc;

  @Test
  void buyAPackThroughTheCheckoutAndTheBalanceRisesOnceForTwoDeliveries() {
    WireMockServer polar = PolarStub.server();
    polar.resetAll();
    // Polar's hosted checkout, paid at once: its URL is the success_url the app sent.
    polar.stubFor(
        post(urlEqualTo("/v1/checkouts/"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"chk_browser\", \"status\": \"open\", \"url\":"
                            + " \"{{jsonPath request.body '$.success_url'}}\"}")
                    .withTransformers("response-template")));
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();

    Browsers.signIn(browser, port, ada.email());
    browser.get("http://localhost:" + port + "/workspaces/" + workspace + "/billing");
    expectText("credit-balance", "10");
    browser.findElement(By.id("buy-small")).click();
    expectText("checkout-done", "Thank you. Your credits appear here");

    polar.verify(
        postRequestedFor(urlEqualTo("/v1/checkouts/"))
            .withRequestBody(matchingJsonPath("$.products[0]", equalTo("prod_pack_small")))
            .withRequestBody(matchingJsonPath("$.external_customer_id", equalTo(workspace))));
    String paid =
        PolarWebhooks.packPaid(UUID.randomUUID().toString(), workspace, "prod_pack_small", 500);
    String delivery = "msg_" + UUID.randomUUID();
    PolarWebhooks webhooks = new PolarWebhooks(port);
    Response first = webhooks.send(delivery, Instant.now(), paid, PolarWebhooks.SDK_KEY);
    Response again = webhooks.send(delivery, Instant.now(), paid, PolarWebhooks.SDK_KEY);
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);

    browser.navigate().refresh();
    expectText("credit-balance", "510");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM credit_ledger WHERE workspace_id = :ws AND kind ="
                        + " 'purchase'")
                .param("ws", UUID.fromString(workspace))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private void expectText(String id, String expected) {
    try {
      wait.ignoring(StaleElementReferenceException.class)
          .until(
              driver -> {
                WebElement element = driver.findElement(By.id(id));
                return element.isDisplayed() && element.getText().strip().startsWith(expected);
              });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "#" + id + " never showed " + expected + " at " + browser.getCurrentUrl(), e);
    }
  }
}
