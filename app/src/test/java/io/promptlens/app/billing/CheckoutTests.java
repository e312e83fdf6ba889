package io.promptlens.app.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.promptlens.app.support.Problems.assertProblem;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.PolarStub;
import io.promptlens.app.support.PolarWebhooks;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checkout and the customer portal against a local stub of Polar's API: the requests are asserted
 * as Polar documents them ({@code POST /v1/checkouts/} with {@code products}, {@code
 * external_customer_id} = the workspace, {@code success_url}; {@code POST /v1/customer-sessions/}
 * with {@code external_customer_id}), and only owners and admins may buy.
 */
@BillingIntegration
class CheckoutTests {

  @LocalServerPort int port;
  WireMockServer polar;

  @BeforeEach
  void stub() {
    polar = PolarStub.server();
    polar.resetAll();
  }

  @Test
  void anOwnerGetsPolarsCheckoutUrlForAPackAndTheWorkspaceIsTheCustomer() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Buyers");
    polar.stubFor(
        post(urlEqualTo("/v1/checkouts/"))
            .willReturn(
                json(
                    201,
                    "{\"id\": \"chk_1\", \"url\": \"https://sandbox.polar.test/checkout/cs_1\","
                        + " \"client_secret\": \"cs_1\", \"status\": \"open\", \"expires_at\":"
                        + " \"2026-12-05T11:00:00Z\"}")));

    Response checkout = checkout(ada, workspace, "small");

    assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
    assertThat(checkout.json().get("url").asString())
        .isEqualTo("https://sandbox.polar.test/checkout/cs_1");
    polar.verify(
        postRequestedFor(urlEqualTo("/v1/checkouts/"))
            .withHeader("Authorization", equalTo("Bearer " + PolarStub.TOKEN))
            .withRequestBody(matchingJsonPath("$.products[0]", equalTo("prod_pack_small")))
            .withRequestBody(matchingJsonPath("$.external_customer_id", equalTo(workspace)))
            .withRequestBody(
                matchingJsonPath(
                    "$.success_url",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "/workspaces/" + workspace + "/billing?checkout=done"))));
  }

  @Test
  void thePortalButtonOpensACustomerSessionForTheWorkspace() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Portal");
    polar.stubFor(
        post(urlEqualTo("/v1/customer-sessions/"))
            .willReturn(
                json(
                    201,
                    "{\"id\": \"cse_1\", \"token\": \"polar_cst_1\", \"expires_at\":"
                        + " \"2026-12-05T11:00:00Z\", \"customer_portal_url\":"
                        + " \"https://sandbox.polar.test/portal?customer_session_token=polar_cst_1\","
                        + " \"customer_id\": \"cus_1\"}")));

    Response portal = ada.postJson("/api/v1/workspaces/" + workspace + "/billing/portal", "{}");

    assertThat(portal.status()).as(portal.body()).isEqualTo(200);
    assertThat(portal.json().get("url").asString()).contains("customer_session_token=polar_cst_1");
    polar.verify(
        postRequestedFor(urlEqualTo("/v1/customer-sessions/"))
            .withRequestBody(
                equalToJson(
                    "{\"external_customer_id\": \""
                        + workspace
                        + "\", \"return_url\": \"${json-unit.any-string}\"}")));
  }

  @Test
  void aMemberMayNotBuyForTheWorkspace() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    String workspace = team(ada, "Owners buy", bob, "member");

    Response checkout = checkout(bob, workspace, "small");

    assertRefusedWithoutAskingPolar(checkout, 403, "does not allow");
  }

  @Test
  void anUnknownProductIsABadRequestThatNamesTheChoices() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Typos");

    Response checkout = checkout(ada, workspace, "huge");

    assertRefusedWithoutAskingPolar(checkout, 400, "small");
  }

  @Test
  void polarFailingIs502AndSaysNothingWasBought() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Outage");
    polar.stubFor(post(urlEqualTo("/v1/checkouts/")).willReturn(json(500, "{\"detail\": \"x\"}")));

    Response checkout = checkout(ada, workspace, "pro");

    assertProblem(checkout, 502, "Nothing was bought");
  }

  @Test
  void invitingPastThePlansSeatsIsRefusedWithAClearMessage() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Two seats");
    ada.postJson(
        "/api/v1/workspaces/" + workspace + "/invitations",
        "{\"email\": \"first@example.com\", \"role\": \"member\"}");

    Response second =
        ada.postJson(
            "/api/v1/workspaces/" + workspace + "/invitations",
            "{\"email\": \"second@example.com\", \"role\": \"member\"}");

    assertProblem(second, 409, "The Free plan has 2 seats and all are taken");
  }

  @Test
  void aPlanWithoutApiKeysRefusesToCreateOneUntilTheWorkspaceSubscribes() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Keys");

    Response refused =
        ada.postJson(
            "/api/v1/workspaces/" + workspace + "/api-keys",
            "{\"name\": \"ci\", \"scope\": \"write\"}");
    new PolarWebhooks(port)
        .send(
            PolarWebhooks.subscription(
                "subscription.active",
                "sub_" + java.util.UUID.randomUUID(),
                workspace,
                "prod_pro",
                "active",
                false,
                "2026-12-05T09:00:00Z",
                null));
    Response created =
        ada.postJson(
            "/api/v1/workspaces/" + workspace + "/api-keys",
            "{\"name\": \"ci\", \"scope\": \"write\"}");

    assertProblem(refused, 403, "The Free plan has no API keys");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aPlanWithoutThumbnailsRefusesToTurnThemOn() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Thumbs");

    Response refused =
        ada.putJson("/api/v1/workspaces/" + workspace + "/settings", "{\"thumbnails\": true}");

    assertProblem(refused, 403, "keeps no thumbnails");
    assertThat(
            ada.get("/api/v1/workspaces/" + workspace + "/settings")
                .json()
                .get("thumbnails")
                .asBoolean())
        .isFalse();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** The checkout API asked by {@code session} for {@code product} in {@code workspace}. */
  static Response checkout(UserSession session, String workspace, String product) {
    return session.postJson(
        "/api/v1/workspaces/" + workspace + "/billing/checkout",
        "{\"product\": \"" + product + "\"}");
  }

  /** A checkout refused before Polar was asked anything. */
  private void assertRefusedWithoutAskingPolar(Response checkout, int status, String says) {
    assertProblem(checkout, status, says);
    assertThat(polar.getAllServeEvents()).isEmpty();
  }
}
