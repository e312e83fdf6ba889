package io.promptlens.app.analyses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.providers.StubAnswers.FOX;
import static io.promptlens.providers.StubAnswers.okOllamaChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.ApiFixture;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import io.promptlens.providers.LoopbackStub;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with {@code promptlens.provider.kind=ollama} against a local stub of /api/chat. An image
 * goes to the provider only from a workspace whose managers enabled it (issue 13): never from the
 * anonymous API, never from a workspace that did not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestMail.Config.class)
class ProviderApiTests extends ApiFixture {

  @RegisterExtension static WireMockExtension ollama = LoopbackStub.extension();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("promptlens.provider.kind", () -> "ollama");
    registry.add("promptlens.provider.base-url", ollama::baseUrl);
    // The neural wiring against an empty models folder: each analysis says what to fetch.
    registry.add("promptlens.neural.enabled", () -> "true");
    registry.add(
        "promptlens.models.dir", () -> Path.of("target", "no-models").toAbsolutePath().toString());
  }

  /** A signed-in person whose personal workspace sends images to the provider. */
  private UserSession optedIn() {
    UserSession person = UserSession.verified(port, "Provider");
    Response enabled =
        person.putJson(
            "/api/v1/workspaces/" + person.personalWorkspace() + "/settings",
            "{\"visionProvider\": true}");
    assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    return person;
  }

  @Test
  void theProvidersSubjectIsFusedIntoTheStoredAnalysisAndThePrompt() {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okOllamaChat(FOX)));
    UserSession person = optedIn();
    String workspace = "/api/v1/workspaces/" + person.personalWorkspace();

    Response response =
        person.postImage(
            workspace + "/prompts", TestImages.png(640, 480), fields("target", "flux"));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("prompt").asString()).contains("red fox");
    Response analysis =
        person.get(workspace + "/analyses/" + response.json().get("analysisId").asString());
    assertThat(analysis.json().at("/subjects/0/label").asString()).isEqualTo("red fox");
    assertThat(analysis.json().at("/subjects/0/source").asString()).isEqualTo("ollama");
    assertThat(analysis.json().get("notes").toString()).contains("promptlens models fetch");
  }

  @Test
  void anonymousUploadsAndWorkspacesThatDidNotEnableItNeverReachTheProvider() {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(okOllamaChat(FOX)));
    ollama.resetRequests();
    UserSession person = UserSession.verified(port, "Local");

    Response anonymous = api.postImage("/api/v1/analyses", TestImages.png(64, 64));
    Response local = person.analyze(person.personalWorkspace(), TestImages.png(64, 64));

    assertThat(anonymous.status()).isEqualTo(201);
    assertThat(local.status()).isEqualTo(201);
    assertThat(ollama.getAllServeEvents()).isEmpty();
    assertThat(local.json().get("notes").toString()).contains("not enabled for this workspace");
  }

  @Test
  void aFailingProviderIsABadGatewayProblemAndNothingIsStored() {
    ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(400)));
    UserSession person = optedIn();
    Rows before = Rows.count(jdbc);

    Response response = person.analyze(person.personalWorkspace(), TestImages.png(64, 64));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asString()).startsWith("ollama");
    assertThat(response.body()).doesNotContain("Exception");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }
}
