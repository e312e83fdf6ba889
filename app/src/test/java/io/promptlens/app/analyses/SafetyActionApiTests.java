package io.promptlens.app.analyses;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.Sharpness;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

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
    Response prompt = ada.prompt(ws, TestImages.png(64, 48), fields());
    assertThat(prompt.status()).as(prompt.body()).isEqualTo(201);
    assertThat(prompt.json().get("warnings").get(0).asString()).contains("explicit");

    Response analysis = ada.analyze(ws, TestImages.png(64, 48));
    assertThat(analysis.status()).as(analysis.body()).isEqualTo(201);
    assertThat(analysis.json().get("warnings").get(0).asString()).contains("explicit");
  }

  @Test
  void refusingAnswers422AndStoresNothing() {
    Response prompt = ada.prompt(ws, TestImages.png(64, 48), fields());
    assertThat(prompt.status()).isEqualTo(201);
    String analysisId = prompt.json().get("analysisId").asString();
    setAction("refuse");
    Rows before = Rows.count(jdbc);

    Problems.assertProblem(ada.prompt(ws, TestImages.png(64, 48), fields()), 422, "refuses");
    Problems.assertProblem(ada.analyze(ws, TestImages.png(64, 48)), 422, "Nothing was stored");
    Problems.assertProblem(
        ada.postJson(
            "/api/v1/workspaces/" + ws + "/prompts", "{\"analysisId\": \"" + analysisId + "\"}"),
        422,
        "explicit");

    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  void setBlurWithThumbnails() {
    Response changed =
        ada.putJson(
            "/api/v1/workspaces/" + ws + "/settings",
            "{\"safetyAction\": \"blur\", \"thumbnails\": true}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("safetyAction").asString()).isEqualTo("blur");
  }

  /** A prompt from a sharp checkerboard upload; its generation id and the stored thumbnail. */
  JsonNode promptFromCheckerboard() {
    Response prompt = ada.prompt(ws, TestImages.checkerboardPng(1024, 512, 32), fields());
    assertThat(prompt.status()).as(prompt.body()).isEqualTo(201);
    return prompt.json();
  }

  byte[] thumbnail(String generationId) {
    HttpResponse<byte[]> thumbnail =
        ada.getBytes("/api/v1/workspaces/" + ws + "/generations/" + generationId + "/thumbnail");
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    return thumbnail.body();
  }

  @Test
  void blurringKeepsAMarkedImageWithAWarningTellsClientsToBlurAndStoresOnlyABlurredThumbnail()
      throws IOException {
    // The same image's thumbnail in a workspace that only warns: sharp.
    ada.putJson("/api/v1/workspaces/" + ws + "/settings", "{\"thumbnails\": true}");
    JsonNode warned = promptFromCheckerboard();
    assertThat(warned.get("display").get("blur").asBoolean()).isFalse();
    double sharp = Sharpness.of(thumbnail(warned.get("id").asString()));
    setBlurWithThumbnails();

    JsonNode prompt = promptFromCheckerboard();

    assertThat(prompt.get("display").get("blur").asBoolean()).isTrue();
    assertThat(prompt.get("warnings").get(0).asString()).contains("explicit").contains("blurs");
    assertThat(prompt.get("prompt").asString()).isNotBlank();
    String id = prompt.get("id").asString();
    byte[] stored = thumbnail(id);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(image.getHeight()).isEqualTo(128);
    ThumbnailsTests.assertOnlyJfif(stored);
    assertThat(sharp).isGreaterThan(1000);
    assertThat(Sharpness.of(stored)).isLessThan(sharp / 1000);
    // ...and the database holds nothing sharper than that one thumbnail.
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM generation_thumbnails"
                        + " WHERE generation_id = CAST(:id AS UUID)")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Read back, in the history (API and page) and as a re-target: still blurred.
    assertThat(
            ada.get("/api/v1/workspaces/" + ws + "/generations/" + id)
                .json()
                .get("display")
                .get("blur")
                .asBoolean())
        .isTrue();
    JsonNode history = ada.get("/api/v1/workspaces/" + ws + "/generations?limit=5").json();
    assertThat(history.get(0).get("id").asString()).isEqualTo(id);
    assertThat(history.get(0).get("display").get("blur").asBoolean()).isTrue();
    assertThat(history.get(0).get("thumbnail").asBoolean()).isTrue();
    assertThat(history.get(1).get("display").get("blur").asBoolean()).isFalse();
    String page = ada.getPage("/history?workspace=" + ws).body();
    assertThat(page).contains("blur-frame history-frame is-blurred").contains("Show image");
    assertThat(page.split("is-blurred", -1)).hasSize(2); // only the blurred one
    assertThat(page).contains("/js/reveal");
    Response retarget =
        ada.postJson(
            "/api/v1/workspaces/" + ws + "/generations/" + id + "/retarget",
            "{\"target\": \"sdxl\"}");
    assertThat(retarget.status()).as(retarget.body()).isEqualTo(201);
    assertThat(retarget.json().get("display").get("blur").asBoolean()).isTrue();
  }

  @Test
  void aWorkspaceAnalysisInABlurringWorkspaceSaysToBlurWithAWarning() {
    setBlurWithThumbnails();

    Response analysis = ada.analyze(ws, TestImages.png(64, 48));

    assertThat(analysis.status()).as(analysis.body()).isEqualTo(201);
    assertThat(analysis.json().get("display").get("blur").asBoolean()).isTrue();
    assertThat(analysis.json().get("warnings").get(0).asString()).contains("explicit");
    String id = analysis.json().get("id").asString();
    String path = "/api/v1/workspaces/" + ws + "/analyses/" + id;
    assertThat(ada.get(path).json().get("display").get("blur").asBoolean()).isTrue();

    // A stored analysis follows the workspace's setting as it is now.
    setAction("warn");
    assertThat(ada.get(path).json().get("display").get("blur").asBoolean()).isFalse();

    // A prompt from it, once the workspace blurs again, is blurred.
    setAction("blur");
    Response prompt =
        ada.postJson("/api/v1/workspaces/" + ws + "/prompts", "{\"analysisId\": \"" + id + "\"}");
    assertThat(prompt.status()).as(prompt.body()).isEqualTo(201);
    assertThat(prompt.json().get("display").get("blur").asBoolean()).isTrue();
  }

  @Test
  void anUnmarkedImageInABlurringWorkspaceIsNotBlurred() {
    doReturn(TestAnalyses.withSafety("safe")).when(analyzer).analyze(any(DecodedImage.class));
    ada.putJson("/api/v1/workspaces/" + ws + "/settings", "{\"thumbnails\": true}");
    JsonNode first = promptFromCheckerboard();
    double sharp = Sharpness.of(thumbnail(first.get("id").asString()));
    setBlurWithThumbnails();

    JsonNode prompt = promptFromCheckerboard();

    assertThat(prompt.get("display").get("blur").asBoolean()).isFalse();
    assertThat(prompt.get("warnings").toString()).doesNotContain("safety check");
    assertThat(Sharpness.of(thumbnail(prompt.get("id").asString())))
        .isGreaterThan(1000)
        .isCloseTo(sharp, org.assertj.core.data.Percentage.withPercentage(1));
    Response analysis = ada.analyze(ws, TestImages.png(64, 48));
    assertThat(analysis.json().get("display").get("blur").asBoolean()).isFalse();
    assertThat(analysis.json().has("warnings")).isFalse();
    assertThat(ada.getPage("/history?workspace=" + ws).body())
        .contains("history-thumbnail")
        .doesNotContain("is-blurred");
  }

  @Test
  void theOpenApiDescriptionDocumentsTheDisplayBlurField() {
    Response docs = new io.promptlens.app.support.ApiClient(port).get("/api/docs");

    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    JsonNode display = docs.json().get("components").get("schemas").get("Display");
    assertThat(display).as(docs.body()).isNotNull();
    assertThat(display.get("description").asString()).contains("blur").contains("safetyAction");
    assertThat(display.get("properties").has("blur")).isTrue();
    assertThat(
            docs.json()
                .get("components")
                .get("schemas")
                .get("GenerationResponse")
                .get("properties")
                .has("display"))
        .isTrue();
  }

  @Test
  void allowingKeepsTheImageWithoutAWarning() {
    setAction("allow");

    Response prompt = ada.prompt(ws, TestImages.png(64, 48), fields());

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
    assertThat(prompt.json().get("display").get("blur").asBoolean()).isFalse();
  }
}
