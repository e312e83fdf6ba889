package io.promptlens.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.app.system.ProviderProperties;
import io.promptlens.providers.LoopbackStub;
import io.promptlens.providers.ProviderCheck.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The provider state the admin page and the start-up log show, against a loopback stub. */
class ProviderStatusTests {

  static final Clock DEC_5 = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
  static final String KEY = "sk-app-0123456789";

  @RegisterExtension static WireMockExtension stub = LoopbackStub.extension();

  static ProviderStatus status(ProviderProperties properties, Map<String, String> env) {
    return new ProviderStatus(properties, env::get, DEC_5);
  }

  @Test
  void theConfiguredProviderIsCheckedWithOneModelListCall() {
    stub.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-6-luna\"}]}")));
    ProviderStatus status =
        status(
            new ProviderProperties("openai", null, stub.baseUrl() + "/v1", null),
            Map.of("OPENAI_API_KEY", KEY));

    ProviderStatus.Report report = status.report(true);

    assertThat(report.configured()).isEqualTo("openai · gpt-6-luna");
    assertThat(report.check().outcome()).isEqualTo(Outcome.OK);
    assertThat(ProviderStatus.lines(report))
        .contains("provider openai: default model gpt-6-luna, OPENAI_API_KEY set")
        .contains(
            "provider check (openai · gpt-6-luna): ok: openai: the key works and model"
                + " 'gpt-6-luna' is available")
        .noneMatch(line -> line.contains(KEY));
    stub.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
  }

  @Test
  void aConfiguredProviderWithoutItsKeyIsSaidSoWithoutACall() {
    ProviderStatus status =
        status(new ProviderProperties("gemini", null, stub.baseUrl(), null), Map.of());

    ProviderStatus.Report report = status.report(true);

    assertThat(report.check().outcome()).isEqualTo(Outcome.NO_KEY);
    assertThat(report.check().message()).isEqualTo("gemini: no API key: set GEMINI_API_KEY");
    assertThat(stub.getAllServeEvents()).isEmpty();
  }

  @Test
  void withoutAConfiguredProviderNothingIsCalledAndTheLogSaysTheEngineRunsAlone() {
    ProviderStatus status = status(new ProviderProperties(null, null, null, null), Map.of());

    ProviderStatus.Report report = status.report(true);

    assertThat(report.check()).isNull();
    assertThat(report.rows()).hasSize(5);
    assertThat(ProviderStatus.lines(report)).last().asString().contains("no provider configured");
  }

  @Test
  void aCatalogWhoseDefaultIsRetiredWarnsWithTheReplacement(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog, "{\"providers\":{\"gemini\":{\"defaultModel\":\"gemini-2.5-flash\"}}}");
    ProviderStatus status =
        status(new ProviderProperties(null, null, null, catalog.toString()), Map.of());

    ProviderStatus.Row gemini =
        status.report(false).rows().stream()
            .filter(row -> row.provider().equals("gemini"))
            .findFirst()
            .orElseThrow();

    assertThat(gemini.defaultModel()).isEqualTo("gemini-2.5-flash");
    assertThat(gemini.warning()).contains("use --model gemini-3.5-flash-lite");
  }
}
