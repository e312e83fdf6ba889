package io.promptlens.app.presets;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Brand style presets over HTTP: from an analysis, by hand, applied, and the on-style check. */
@AppIntegration
class PresetTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  UserSession ada;
  String presets;
  String workspace;

  @BeforeEach
  void signedIn() {
    ada = UserSession.verified(port, "Ada");
    workspace = "/api/v1/workspaces/" + ada.personalWorkspace();
    presets = workspace + "/presets";
  }

  JsonNode fromImage(byte[] png) {
    String analysisId =
        ada.postImage(workspace + "/analyses", png, Map.of()).json().get("id").asString();
    Response created =
        ada.postJson(presets, "{\"name\": \"Spring\", \"analysisId\": \"" + analysisId + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aPresetFromAnAnalysisCarriesItsPalette() {
    JsonNode preset = fromImage(TestImages.png(400, 300));

    assertThat(preset.get("style").get("palette")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(preset.get("style").get("palette").get(0).get("hex").asString())
        .matches("#[0-9A-F]{6}");
    assertThat(ada.get(presets).json()).hasSize(1);
  }

  @Test
  void aPresetAppliedToANewSubjectGivesAPromptForAnyTargetWithItsAvoidList() {
    Response created =
        ada.postJson(
            presets,
            """
            {"name": "Campaign", "style": {"palette": [{"hex": "#d93a2b", "share": 3},
              {"hex": "#1F4EA8", "share": 1}], "lightKey": "high", "medium": "photo",
              "lens": "85mm portrait lens", "mood": ["optimistic"], "avoid": ["neon signs"]}}
            """);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("style").get("palette").get(0).get("hex").asString())
        .isEqualTo("#D93A2B");
    assertThat(created.json().get("style").get("palette").get(0).get("share").asDouble())
        .isEqualTo(0.75);

    JsonNode sdxl =
        ada.postJson(
                presets + "/" + id + "/apply",
                "{\"subject\": \"a cyclist on a bridge\", \"target\": \"sdxl\"}")
            .json();
    JsonNode midjourney =
        ada.postJson(
                presets + "/" + id + "/apply",
                "{\"subject\": \"a cyclist on a bridge\", \"target\": \"midjourney\", \"mode\": \"full\"}")
            .json();

    assertThat(sdxl.get("target").asString()).isEqualTo("sdxl");
    assertThat(sdxl.get("mode").asString()).isEqualTo("style");
    assertThat(sdxl.get("prompt").asString()).contains("cyclist").contains("85mm portrait lens");
    assertThat(sdxl.get("negativePrompt").asString()).contains("neon signs");
    assertThat(midjourney.get("prompt").asString()).contains("cyclist");
  }

  @Test
  void theSameImageIsOnStyleAndAnotherIsNotWithItsDifferencesListed() {
    byte[] brand = TestImages.png(400, 300);
    String id = fromImage(brand).get("id").asString();

    JsonNode same = ada.postImage(presets + "/" + id + "/check", brand, Map.of()).json();
    JsonNode other =
        ada.postImage(presets + "/" + id + "/check", TestImages.noisePng(200, 150, 7), Map.of())
            .json();

    assertThat(same.get("score").asInt()).isGreaterThanOrEqualTo(95);
    assertThat(other.get("score").asInt()).isLessThan(same.get("score").asInt());
    assertThat(other.get("differences")).isNotEmpty();
    assertThat(other.get("parts").get(0).get("name").asString()).isNotBlank();
  }

  @Test
  void aBadColourIsRefusedAndNothingIsStored() {
    long before = jdbc.sql("SELECT COUNT(*) FROM style_presets").query(Long.class).single();

    assertProblem(
        ada.postJson(presets, "{\"name\": \"X\", \"style\": {\"palette\": [{\"hex\": \"red\"}]}}"),
        400,
        "#RRGGBB");
    assertProblem(
        ada.postJson(
            presets,
            "{\"name\": \"X\", \"style\": {\"palette\": [{\"hex\": \"#FF0000\"}], \"medium\":"
                + " \"oil\"}}"),
        400,
        "medium 'oil' is not one of");
    assertProblem(
        ada.postJson(
            presets,
            "{\"name\": \"X\", \"style\": {\"palette\": [{\"hex\": \"#FF0000\"}],"
                + " \"composition\": \"rule of thirds\"}}"),
        400,
        "composition 'rule of thirds' is not one of center, left third");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM style_presets").query(Long.class).single())
        .isEqualTo(before);
  }
}
