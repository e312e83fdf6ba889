package io.promptlens.app.analyses;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The workspace's safety action through the API, with the analyzer made to mark every image as
 * explicit (a spy on the real bean: intake and limits stay real).
 */
@AppIntegration
class SafetyActionApiTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean ImageAnalyzer analyzer;

  UserSession ada;
  String ws;

  @BeforeEach
  void everyImageIsMarked() {
    doReturn(TestAnalyses.withSafety("explicit")).when(analyzer).analyze(any(DecodedImage.class));
    ada = UserSession.verified(port, "Ada");
    ws = ada.personalWorkspace();
  }

  void setAction(String action) {
    Response changed =
        ada.putJson(
            "/api/v1/workspaces/" + ws + "/settings", "{\"safetyAction\": \"" + action + "\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }

  @Test
  void byDefaultThePromptAndTheAnalysisCarryAWarning() {
    Response prompt =
        ada.postImage("/api/v1/workspaces/" + ws + "/prompts", TestImages.png(64, 48), fields());
    assertThat(prompt.status()).as(prompt.body()).isEqualTo(201);
    assertThat(prompt.json().get("warnings").get(0).asString()).contains("explicit");

    Response analysis =
        ada.postImage("/api/v1/workspaces/" + ws + "/analyses", TestImages.png(64, 48), fields());
    assertThat(analysis.status()).as(analysis.body()).isEqualTo(201);
    assertThat(analysis.json().get("warnings").get(0).asString()).contains("explicit");
  }

  @Test
  void refusingAnswers422AndStoresNothing() {
    Response prompt =
        ada.postImage("/api/v1/workspaces/" + ws + "/prompts", TestImages.png(64, 48), fields());
    assertThat(prompt.status()).isEqualTo(201);
    String analysisId = prompt.json().get("analysisId").asString();
    setAction("refuse");
    Rows before = Rows.count(jdbc);

    Problems.assertProblem(
        ada.postImage("/api/v1/workspaces/" + ws + "/prompts", TestImages.png(64, 48), fields()),
        422,
        "refuses");
    Problems.assertProblem(
        ada.postImage("/api/v1/workspaces/" + ws + "/analyses", TestImages.png(64, 48), fields()),
        422,
        "Nothing was stored");
    Problems.assertProblem(
        ada.postJson(
            "/api/v1/workspaces/" + ws + "/prompts", "{\"analysisId\": \"" + analysisId + "\"}"),
        422,
        "explicit");

    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void allowingKeepsTheImageWithoutAWarning() {
    setAction("allow");

    Response prompt =
        ada.postImage("/api/v1/workspaces/" + ws + "/prompts", TestImages.png(64, 48), fields());

    assertThat(prompt.status()).isEqualTo(201);
    assertThat(prompt.json().get("warnings").toString()).doesNotContain("safety check");
  }

  @Test
  void anonymousTryItIsUnaffected() {
    Response prompt =
        new io.promptlens.app.support.ApiClient(port)
            .postImage("/api/v1/prompts", TestImages.png(64, 48));

    assertThat(prompt.status()).isEqualTo(201);
    assertThat(prompt.json().get("warnings").toString()).doesNotContain("safety check");
  }
}
