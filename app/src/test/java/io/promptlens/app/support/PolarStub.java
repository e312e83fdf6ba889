package io.promptlens.app.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A local stand-in for Polar's API (WireMock on loopback), one per app context: the app's {@code
 * promptlens.billing.polar.base-url} points at it. Tests stub and verify requests through {@link
 * #server()}.
 */
public class PolarStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The token the billing test app sends; the stub only answers requests that carry it. */
  public static final String TOKEN = "polar_oat_test_token";

  /**
   * The webhook secret in the Standard Webhooks form ({@code whsec_} + base64), so both readings of
   * it can be tested: its UTF-8 bytes (Polar's SDKs) and its decoded bytes (the spec).
   */
  public static final String WEBHOOK_SECRET =
      "whsec_"
          + java.util.Base64.getEncoder()
              .encodeToString(
                  "promptlens-test-webhook-key-0123"
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private static WireMockServer server;

  public static synchronized WireMockServer server() {
    if (server == null) {
      server =
          new WireMockServer(
              wireMockConfig()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .notifier(new ConsoleNotifier(false)));
      server.start();
    }
    return server;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("promptlens.billing.polar.base-url", server().baseUrl());
    settings.put("promptlens.billing.polar.access-token", TOKEN);
    settings.put("promptlens.billing.polar.webhook-secret", WEBHOOK_SECRET);
    // The server outlives a context (contexts are cached); the JVM's exit stops it.
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("polarStub", settings));
  }
}
