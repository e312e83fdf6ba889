package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The one WireMock set-up every test that stubs a provider uses (here, and in the cli and app tests
 * through this module's test jar): a free port on the loopback address only (the stub is never
 * reachable from the network) and a quiet notifier, so a test run prints nothing.
 */
public final class LoopbackStub {

  private LoopbackStub() {}

  /** A fresh extension for a test class's {@code @RegisterExtension static} field. */
  public static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(
            wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .notifier(new ConsoleNotifier(false)))
        .build();
  }
}
