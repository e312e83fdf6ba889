package io.promptlens.app.generations;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.ApiFixture;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@AppIntegration
class PromptApiTests extends ApiFixture {

  @Test
  void anUploadWithoutOptionsGetsAFullMidjourneyPromptWithTheImagesAspectRatio() {
    Response response = api.postImage("/api/v1/prompts", TestImages.png(640, 360));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.get("target").asString()).isEqualTo("midjourney");
    assertThat(body.get("mode").asString()).isEqualTo("full");
    assertThat(body.get("prompt").asString()).contains("--ar 16:9");
    assertThat(body.get("tokens").asInt()).isPositive();
    assertThat(body.get("warnings").isArray()).isTrue();
    assertThat(body.get("parameters").isObject()).isTrue();
    assertThat(response.header("Location"))
        .endsWith("/api/v1/generations/" + body.get("id").asString());
  }

  @Test
  void theResponseCarriesTheAnalysisSoAClientCanDrawThePalette() {
    JsonNode body = api.postImage("/api/v1/prompts", TestImages.png(400, 400)).json();

    JsonNode analysis = body.get("analysis");
    assertThat(analysis.get("id").asString()).isEqualTo(body.get("analysisId").asString());
    assertThat(analysis.get("width").asInt()).isEqualTo(400);
    assertThat(analysis.get("aspectRatio").asString()).isEqualTo("1:1");
    assertThat(analysis.get("palette").isArray()).isTrue();
    assertThat(analysis.get("palette")).isNotEmpty();
    assertThat(analysis.get("palette").get(0).get("hex").asString()).matches("#[0-9A-F]{6}");
    assertThat(analysis.get("subjects").isArray()).isTrue();
    assertThat(analysis.get("faces").isArray()).isTrue();
    assertThat(analysis.get("textLines").isArray()).isTrue();
    assertThat(analysis.has("subjectPosition")).isTrue();
  }

  @Test
  void sdxlHasANegativePromptAndFluxHasNone() {
    byte[] image = TestImages.png(512, 512);

    JsonNode sdxl = api.postImage("/api/v1/prompts", image, fields("target", "sdxl")).json();
    JsonNode flux = api.postImage("/api/v1/prompts", image, fields("target", "flux")).json();

    assertThat(sdxl.get("target").asString()).isEqualTo("sdxl");
    assertThat(sdxl.get("negativePrompt").isString()).isTrue();
    assertThat(flux.get("target").asString()).isEqualTo("flux");
    assertThat(flux.has("negativePrompt")).isTrue();
    assertThat(flux.get("negativePrompt").isNull()).isTrue();
  }

  @Test
  void aStoredAnalysisCanBeCompiledAgainWithoutUploadingTheImage() {
    JsonNode analysis = api.postImage("/api/v1/analyses", TestImages.png(600, 400)).json();
    String analysisId = analysis.get("id").asString();

    Response response =
        api.postJson(
            "/api/v1/prompts",
            """
            {"analysisId": "%s", "target": "midjourney", "mode": "style",
             "controls": {"detail": "long", "avoid": ["text"]}}
            """
                .formatted(analysisId));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.get("analysisId").asString()).isEqualTo(analysisId);
    assertThat(body.get("mode").asString()).isEqualTo("style");
    assertThat(body.get("controls").get("detail").asString()).isEqualTo("long");
    assertThat(body.get("controls").get("avoid").get(0).asString()).isEqualTo("text");
    assertThat(body.get("prompt").asString()).contains("--ar 3:2");
  }

  @Test
  void aGenerationReadsBackAsItWasCreated() {
    Response created =
        api.postImage("/api/v1/prompts", TestImages.png(640, 480), fields("target", "sdxl"));

    Response read = api.get(created.header("Location"));

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
  }

  @Test
  void multipartControlsReachTheCompiler() {
    Response response =
        api.postImage(
            "/api/v1/prompts",
            TestImages.png(640, 360),
            fields(
                "aspect",
                "1:1",
                "detail",
                "short",
                "keep",
                "film grain, soft light",
                "paletteHex",
                "on"));

    JsonNode body = response.json();
    assertThat(body.get("prompt").asString()).contains("--ar 1:1");
    assertThat(body.get("controls").get("detail").asString()).isEqualTo("short");
    assertThat(body.get("controls").get("paletteHex").asBoolean()).isTrue();
    assertThat(body.get("controls").get("keep"))
        .extracting(JsonNode::asString)
        .containsExactly("film grain", "soft light");
  }

  @Test
  void aTargetAliasIsStoredUnderItsCanonicalId() {
    JsonNode analysis = api.postImage("/api/v1/analyses", TestImages.png(64, 64)).json();

    Response response =
        api.postJson(
            "/api/v1/prompts",
            "{\"analysisId\": \"" + analysis.get("id").asString() + "\", \"target\": \"MJ\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("target").asString()).isEqualTo("midjourney");
  }

  @Test
  void theTargetListNamesEveryTarget() {
    Response response = api.get("/api/v1/targets");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .extracting(t -> t.get("id").asString())
        .contains("midjourney", "sdxl", "flux");
    assertThat(response.json().get(0).get("name").asString()).isNotBlank();
    assertThat(response.json().get(0).get("kind").asString()).isEqualTo("image");
  }

  @Test
  void anUnknownTargetIsABadRequestThatListsTheValidOnesAndWritesNothing() {
    Rows before = Rows.count(jdbc);

    Response response =
        api.postImage("/api/v1/prompts", TestImages.png(64, 64), fields("target", "dalle-9"));

    assertProblem(response, 400, "dalle-9");
    assertThat(response.json().get("detail").asString()).contains("midjourney", "sdxl", "flux");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void anUnknownModeIsABadRequestThatListsTheValidOnes() {
    Response response =
        api.postImage("/api/v1/prompts", TestImages.png(64, 64), fields("mode", "poem"));

    assertProblem(response, 400, "full, style, edit or video");
  }

  @Test
  void aBadAspectIsABadRequest() {
    Response response =
        api.postImage("/api/v1/prompts", TestImages.png(64, 64), fields("aspect", "wide"));

    assertProblem(response, 400, "aspect");
  }

  @Test
  void malformedJsonIsABadRequest() {
    assertProblem(api.postJson("/api/v1/prompts", "{\"analysisId\": "), 400, "json");
  }

  @Test
  void anAnalysisIdThatIsNotAUuidIsABadRequest() {
    assertProblem(api.postJson("/api/v1/prompts", "{\"analysisId\": \"abc\"}"), 400, "analysisId");
  }

  @Test
  void anUnknownAnalysisIdIsNotFoundAndWritesNothing() {
    Rows before = Rows.count(jdbc);

    Response response =
        api.postJson("/api/v1/prompts", "{\"analysisId\": \"" + UUID.randomUUID() + "\"}");

    assertProblem(response, 404, "no analysis");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void anAnalysisErasedAfterItWasCompiledIsNotFoundWhenCompiledAgainAndWritesNothing() {
    String analysisId = storedAnalysis();
    String body = "{\"analysisId\": \"" + analysisId + "\", \"target\": \"flux\"}";
    assertThat(api.postJson("/api/v1/prompts", body).status()).isEqualTo(201);
    // As erasure or retention would, possibly on another instance: this one still holds it.
    UUID id = UUID.fromString(analysisId);
    jdbc.sql("DELETE FROM generations WHERE analysis_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM analyses WHERE id = :id").param("id", id).update();
    Rows before = Rows.count(jdbc);

    Response again = api.postJson("/api/v1/prompts", body);

    assertProblem(again, 404, "no analysis");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void anIdenticalAnonymousCompileIsAnsweredWithTheGenerationAlreadyStoredAndStoresNoSecondRow() {
    String analysisId = storedAnalysis();
    String body = "{\"analysisId\": \"" + analysisId + "\", \"target\": \"sdxl\"}";
    Response first = api.postJson("/api/v1/prompts", body);
    Rows before = Rows.count(jdbc);

    Response again = api.postJson("/api/v1/prompts", body);

    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void anotherTargetModeOrControlsStoresItsOwnGeneration() {
    String analysisId = storedAnalysis();
    String first =
        api.postJson("/api/v1/prompts", "{\"analysisId\": \"" + analysisId + "\"}")
            .json()
            .get("id")
            .asString();
    Rows before = Rows.count(jdbc);

    List<String> others =
        List.of(
                "\"target\": \"sdxl\"",
                "\"mode\": \"style\"",
                "\"controls\": {\"avoid\": [\"text\"]}")
            .stream()
            .map(
                extra ->
                    api.postJson(
                            "/api/v1/prompts",
                            "{\"analysisId\": \"" + analysisId + "\", " + extra + "}")
                        .json()
                        .get("id")
                        .asString())
            .toList();

    assertThat(others).doesNotContain(first).doesNotHaveDuplicates();
    assertThat(Rows.count(jdbc).generations()).isEqualTo(before.generations() + 3);
  }

  @Test
  void aRepeatWhoseGenerationWasDeletedMeanwhileStoresANewOne() {
    String analysisId = storedAnalysis();
    String body = "{\"analysisId\": \"" + analysisId + "\", \"target\": \"flux\"}";
    String first = api.postJson("/api/v1/prompts", body).json().get("id").asString();
    // As retention would, possibly on another instance: this one still holds the generation.
    jdbc.sql("DELETE FROM generations WHERE id = :id").param("id", UUID.fromString(first)).update();

    Response again = api.postJson("/api/v1/prompts", body);

    assertThat(again.status()).as(again.body()).isEqualTo(201);
    String second = again.json().get("id").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(api.get("/api/v1/generations/" + second).status()).isEqualTo(200);
  }

  @Test
  void aWorkspaceAnalysisCompiledInItsWorkspaceIsStillNotFoundAnonymously() {
    UserSession person = UserSession.verified(port, "Held");
    String workspace = "/api/v1/workspaces/" + person.personalWorkspace();
    String analysisId =
        person
            .postImage(workspace + "/analyses", TestImages.png(64, 48), fields())
            .json()
            .get("id")
            .asString();
    String body = "{\"analysisId\": \"" + analysisId + "\"}";
    assertThat(person.postJson(workspace + "/prompts", body).status()).isEqualTo(201);

    assertProblem(api.postJson("/api/v1/prompts", body), 404, "no analysis");
  }

  @Test
  void anUnreadableImageWritesNeitherAnAnalysisNorAGeneration() {
    Rows before = Rows.count(jdbc);

    Response response = api.postImage("/api/v1/prompts", TestImages.truncatedJpeg(400, 300));

    assertProblem(response, 422, "");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void aSuccessfulUploadStoresOneAnalysisAndOneGeneration() {
    Rows before = Rows.count(jdbc);

    api.postImage("/api/v1/prompts", TestImages.png(64, 64));

    assertThat(Rows.count(jdbc))
        .isEqualTo(new Rows(before.analyses() + 1, before.generations() + 1));
  }

  @Test
  void anUnknownGenerationIsNotFound() {
    assertProblem(api.get("/api/v1/generations/" + UUID.randomUUID()), 404, "no generation");
  }

  @Test
  void weightsAndAMaxLengthReachTheCompiler() {
    Response response =
        api.postImage(
            "/api/v1/prompts",
            TestImages.png(640, 360),
            fields("target", "sdxl", "subject", "a red fox", "weights", "on", "maxLength", "20"));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.get("prompt").asString()).matches(".*\\([^)]+:1\\.\\d+\\).*");
    assertThat(body.get("tokens").asInt()).isLessThanOrEqualTo(20);
    assertThat(body.at("/controls/weights").asBoolean()).isTrue();
  }

  @Test
  void aNonNumericMaxLengthIsABadRequest() {
    Response response =
        api.postImage("/api/v1/prompts", TestImages.png(64, 64), fields("maxLength", "lots"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("maxLength");
  }

  @Test
  void variationsAnswerDistinctWordingsOfTheSameAnalysisAndStoreOnlyTheFirst() {
    Rows before = Rows.count(jdbc);

    Response response =
        api.postImage(
            "/api/v1/prompts",
            TestImages.png(640, 360),
            fields("target", "midjourney", "subject", "a red fox in the snow", "variations", "3"));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    List<String> prompts = new java.util.ArrayList<>();
    prompts.add(body.get("prompt").asString());
    body.get("variations").forEach(v -> prompts.add(v.get("prompt").asString()));
    assertThat(prompts).hasSize(3).doesNotHaveDuplicates().allMatch(p -> p.contains("red fox"));
    assertThat(Rows.count(jdbc))
        .isEqualTo(new Rows(before.analyses() + 1, before.generations() + 1));
  }

  @Test
  void withoutVariationsTheAnswersVariationsAreEmpty() {
    Response response = api.postImage("/api/v1/prompts", TestImages.png(64, 64));

    assertThat(response.json().get("variations")).isEmpty();
  }

  @Test
  void moreThanFiveVariationsIsABadRequestNamingTheField() {
    Response response =
        api.postImage("/api/v1/prompts", TestImages.png(64, 64), fields("variations", "6"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("variations").contains("1 and 5");
  }

  /** The id of a small image's analysis, stored anonymously. */
  private String storedAnalysis() {
    return api.postImage("/api/v1/analyses", TestImages.png(64, 48)).json().get("id").asString();
  }
}
