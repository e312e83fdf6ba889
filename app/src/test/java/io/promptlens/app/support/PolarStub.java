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

  /** The webhook secret as Polar's dashboard shows it. */
  public static final String WEBHOOK_SECRET = "polar_whs_0123456789abcdefghijklmnopqrstuv";

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
