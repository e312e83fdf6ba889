package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OLLAMA_HOST is read as Ollama reads it: every case of Ollama's own {@code TestHost}
 * (envconfig/config_test.go, checked 2026-12-05) with Ollama's expected rendering, then the address
 * a client dials.
 */
class OllamaHostTest {

  @ParameterizedTest(name = "{0}: [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "empty               | ``                          | http://127.0.0.1:11434",
        "only address        | 1.2.3.4                     | http://1.2.3.4:11434",
        "only port           | :1234                       | http://:1234",
        "address and port    | 1.2.3.4:1234                | http://1.2.3.4:1234",
        "hostname            | example.com                 | http://example.com:11434",
        "hostname and port   | example.com:1234            | http://example.com:1234",
        "zero port           | :0                          | http://:0",
        "too large port      | :66000                      | http://:11434",
        "too small port      | :-1                         | http://:11434",
        "ipv6 localhost      | [::1]                       | http://[::1]:11434",
        "ipv6 world open     | [::]                        | http://[::]:11434",
        "ipv6 no brackets    | ::1                         | http://[::1]:11434",
        "ipv6 + port         | [::1]:1337                  | http://[::1]:1337",
        "extra space         | ` 1.2.3.4 `                 | http://1.2.3.4:11434",
        "extra quotes        | \"1.2.3.4\"                 | http://1.2.3.4:11434",
        "extra space+quotes  | ` \" 1.2.3.4 \" `           | http://1.2.3.4:11434",
        "extra single quotes | '1.2.3.4'                   | http://1.2.3.4:11434",
        "http                | http://1.2.3.4              | http://1.2.3.4:80",
        "http port           | http://1.2.3.4:4321         | http://1.2.3.4:4321",
        "https               | https://1.2.3.4             | https://1.2.3.4:443",
        "https port          | https://1.2.3.4:4321        | https://1.2.3.4:4321",
        "proxy path          | https://example.com/ollama  | https://example.com:443/ollama",
      })
  void readsEveryFormOllamasOwnTestsCover(String name, String value, String expected) {
    assertThat(OllamaHost.parse(value).toString()).isEqualTo(expected);
  }

  @Test
  void aSchemeWithoutAPortUsesThatSchemesPortNotOllamas() {
    assertThat(OllamaHost.parse("https://ollama.example.com").clientUrl())
        .isEqualTo(URI.create("https://ollama.example.com:443"));
  }

  @Test
  void aBarePortDialsLoopback() {
    assertThat(OllamaHost.parse(":11434").clientUrl())
        .isEqualTo(URI.create("http://127.0.0.1:11434"));
  }

  @Test
  void theListenEverywhereAddressesDialLoopback() {
    assertThat(OllamaHost.parse("0.0.0.0:11434").clientUrl())
        .isEqualTo(URI.create("http://127.0.0.1:11434"));
    assertThat(OllamaHost.parse("[::]:8080").clientUrl())
        .isEqualTo(URI.create("http://[::1]:8080"));
  }

  @Test
  void aProxyPathIsKept() {
    assertThat(OllamaHost.parse("https://example.com/ollama").clientUrl())
        .isEqualTo(URI.create("https://example.com:443/ollama"));
  }

  @Test
  void aUnixSocketIsRefusedInOneLine() {
    assertThatThrownBy(() -> OllamaHost.parse("unix:///tmp/ollama.sock").clientUrl())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ollama: OLLAMA_HOST scheme 'unix' is not supported; use http:// or https:// (or"
                + " --base-url)");
  }

  @Test
  void theConfigTakesOllamaHostOnlyWithoutABaseUrl() {
    Map<String, String> env = Map.of("OLLAMA_HOST", "https://gpu.example.com/ollama");

    assertThat(ProviderConfig.fromEnvironment(ProviderKind.OLLAMA, null, null, env).baseUrl())
        .isEqualTo(URI.create("https://gpu.example.com:443/ollama"));
    assertThat(
            ProviderConfig.fromEnvironment(ProviderKind.OLLAMA, null, "http://10.0.0.2:9000", env)
                .baseUrl())
        .isEqualTo(URI.create("http://10.0.0.2:9000"));
  }

  @Test
  void aConfiguredHttpsHostIsDialledOn443NotOllamasPort() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OLLAMA, null, null, Map.of("OLLAMA_HOST", "https://ollama.example.com"));

    assertThat(config.baseUrl().getPort()).isEqualTo(443);
  }

  @Test
  void aConfiguredBarePortIsAccepted() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OLLAMA, null, null, Map.of("OLLAMA_HOST", ":11434"));

    assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:11434"));
  }
}
