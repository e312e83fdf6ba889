package io.promptlens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.promptlens.providers.StubAnswers.FOX;
import static io.promptlens.providers.StubAnswers.okOllamaChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.providers.LoopbackStub;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `describe --provider` against a local stub that answers as Ollama's /api/chat documents. */
class ProviderDescribeTest {

  @RegisterExtension static WireMockExtension ollama = LoopbackStub.extension();

  @TempDir Path dir;

  @Test
  void theProvidersSubjectReachesTheMidjourneyPromptBesideTheMeasuredFacts() throws IOException {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okOllamaChat(FOX)));
    Path image = CliFixtures.twoColourImage(dir, "fox.png", "png");

    Run run =
        CliFixtures.run(
            "describe",
            "--provider",
            "ollama",
            "--base-url",
            ollama.baseUrl(),
            "--target",
            "midjourney",
            image.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("red fox").contains("--ar 3:2");
    assertThat(run.out()).doesNotContain("subject is not named");
    ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
  }

  @Test
  void aFailingProviderIsOneLinePerFileAndExitThree() throws IOException {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(400)));
    Path image = CliFixtures.twoColourImage(dir, "fox.png", "png");

    Run run =
        CliFixtures.run(
            "describe", "--provider", "ollama", "--base-url", ollama.baseUrl(), image.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith(image + ": ollama").doesNotContain("Exception");
  }

  @Test
  void anUnknownProviderOrAMissingKeyIsAUsageError() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "fox.png", "png");

    assertThat(CliFixtures.run("describe", "--provider", "acme", image.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliFixtures.run("describe", "--model", "x", image.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void withoutAProviderTheAnalysisSaysTheLocalEngineRanAlone() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "fox.png", "png");

    Run run = CliFixtures.run("analyze", "--json", image.toString());

    assertThat(run.out()).contains(PromptLensCli.ENGINE_NOTES.noProvider());
  }
}
