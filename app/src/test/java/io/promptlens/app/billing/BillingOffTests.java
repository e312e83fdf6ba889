package io.promptlens.app.billing;

import static io.promptlens.app.billing.CheckoutTests.checkout;
import static io.promptlens.app.support.Problems.assertProblem;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a Polar token (the default app) billing is off: plans are shown, buying says payments are
 * not configured, and credits still work.
 */
@AppIntegration
class BillingOffTests {

  @LocalServerPort int port;

  @Test
  void thePlanPageShowsThePlansAndSaysPaymentsAreNotConfigured() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "No billing");

    Response page = ada.getPage("/workspaces/" + workspace + "/billing");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"billing-off\"")
        .contains("id=\"plan-pro\"")
        .contains("id=\"pack-small\"")
        .doesNotContain("id=\"buy-small\"")
        .doesNotContain("id=\"manage-billing\"");
  }

  @Test
  void checkoutSaysPaymentsAreNotConfigured() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "No checkout");

    Response checkout = checkout(ada, workspace, "small");

    assertProblem(checkout, 503, "Payments are not configured");
    assertThat(ada.get("/api/v1/workspaces/" + workspace + "/credits").status()).isEqualTo(200);
  }

  @Test
  void everyWebhookIsRefusedWithoutASecret() {
    Response response =
        new io.promptlens.app.support.PolarWebhooks(port)
            .send("{\"type\": \"order.paid\", \"data\": {}}");

    assertThat(response.status()).isEqualTo(403);
  }
}
