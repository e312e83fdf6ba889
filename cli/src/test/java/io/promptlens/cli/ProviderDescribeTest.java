package io.promptlens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.providers.LoopbackStub;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** `describe --provider` against a local stub that answers as Ollama's /api/chat documents. */
class ProviderDescribeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension static WireMockExtension ollama = LoopbackStub.extension();

  @TempDir Path dir;

  @Test
  void theProvidersSubjectReachesTheMidjourneyPromptBesideTheMeasuredFacts() throws IOException {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okChat(fox())));
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

  private static String fox() {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("description", "a red fox in fresh snow");
    ObjectNode subject = answer.putArray("subjects").addObject();
    subject.put("name", "red fox");
    subject.putArray("attributes").add("bushy tail");
    subject.put("confidence", 0.93);
    answer.put("action", "standing");
    answer.put("setting", "fresh snow");
    answer.put("style", "wildlife photograph");
    answer.put("mood", "calm");
    answer.put("camera", "eye-level telephoto");
    answer.put("lighting", "soft overcast daylight");
    answer.put("visible_text", "");
    return answer.toString();
  }

  /** The documented non-streaming /api/chat response around an answer. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okChat(
      String answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", "qwen2.5vl").put("created_at", "2025-10-01T12:00:00.000Z");
    root.putObject("message").put("role", "assistant").put("content", answer);
    root.put("done_reason", "stop").put("done", true);
    root.put("prompt_eval_count", 1000).put("eval_count", 50);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(root.toString());
  }
}
