package io.promptlens.app.billing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polar's API over the JDK's HTTP client (as the providers are: no SDK), the two calls the app
 * makes: create a checkout session ({@code POST /v1/checkouts/}) and a customer session ({@code
 * POST /v1/customer-sessions/}). Shapes from Polar's API reference (checkouts: {@code products},
 * {@code external_customer_id}, {@code success_url}, {@code metadata} → {@code url}; customer
 * sessions: {@code external_customer_id}, {@code return_url} → {@code customer_portal_url}). The
 * workspace id is the external customer id, so Polar's customer is the workspace.
 */
@Component
class PolarClient {

  private static final Logger log = LoggerFactory.getLogger(PolarClient.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BillingProperties.Polar polar;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PolarClient(BillingProperties properties) {
    this.polar = properties.polar();
  }

  boolean configured() {
    return polar.configured();
  }

  /**
   * @return the hosted checkout's URL
   */
  String checkout(UUID workspaceId, String productId, String successUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("products").add(productId);
    body.put("external_customer_id", workspaceId.toString());
    body.put("success_url", successUrl);
    body.putObject("metadata").put("workspace_id", workspaceId.toString());
    return post("/v1/checkouts/", body, "url");
  }

  /**
   * @return the customer portal's URL (invoices, payment method, cancel)
   */
  String customerPortal(UUID workspaceId, String returnUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("external_customer_id", workspaceId.toString());
    body.put("return_url", returnUrl);
    return post("/v1/customer-sessions/", body, "customer_portal_url");
  }

  private String post(String path, ObjectNode body, String field) {
    requireConfigured();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(polar.baseUrl().replaceAll("/+$", "") + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + polar.accessToken())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("Polar unreachable: {}", e.getMessage());
      throw unavailable("Polar could not be reached. Nothing was bought; try again shortly.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("Interrupted while calling Polar.");
    }
    if (response.statusCode() / 100 != 2) {
      log.warn("Polar answered {} to {}: {}", response.statusCode(), path, abbreviate(response));
      throw unavailable(
          "Polar refused the request (HTTP " + response.statusCode() + "). Nothing was bought.");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      throw unavailable("Polar's answer could not be read.");
    }
    JsonNode url = answer.get(field);
    if (url == null || !url.isString() || !url.asString().startsWith("http")) {
      throw unavailable("Polar's answer had no " + field + ".");
    }
    return url.asString();
  }

  void requireConfigured() {
    if (!polar.configured()) {
      throw new ErrorResponseException(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Payments are not configured on this server (no POLAR_ACCESS_TOKEN): plans can be"
                  + " seen but not bought here."),
          null);
    }
  }

  private static ErrorResponseException unavailable(String detail) {
    return new ErrorResponseException(
        HttpStatus.BAD_GATEWAY,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail),
        null);
  }

  private static String abbreviate(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
