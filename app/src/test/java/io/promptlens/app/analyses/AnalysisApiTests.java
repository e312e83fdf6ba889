package io.promptlens.app.analyses;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.ApiFixture;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestImages;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@AppIntegration
class AnalysisApiTests extends ApiFixture {

  @Test
  void anUploadedImageIsAnalysedAndStoredUnderANewId() {
    Response response = api.postImage("/api/v1/analyses", TestImages.png(640, 480));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    UUID id = UUID.fromString(body.get("id").asString());
    assertThat(response.header("Location")).endsWith("/api/v1/analyses/" + id);
    assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode image = body.get("image");
    assertThat(image.get("width").asInt()).isEqualTo(640);
    assertThat(image.get("height").asInt()).isEqualTo(480);
    assertThat(image.get("aspectRatio").asString()).isEqualTo("4:3");
    assertThat(image.get("format").asString()).isEqualTo("png");
    assertThat(image.get("orientation").asString()).isEqualTo("landscape");
    assertThat(
            jdbc.sql("SELECT image_sha256 FROM analyses WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .hasSize(64);
  }

  @Test
  void theIdComesFirstAndTheRestIsTheAnalysisContract() {
    JsonNode body = api.postImage("/api/v1/analyses", TestImages.png(300, 600)).json();

    assertThat(body.propertyNames()).first().isEqualTo("id");
    assertThat(body.propertyNames())
        .contains("schemaVersion", "image", "color", "light", "medium", "notes", "provenance");
    assertThat(body.get("image").get("orientation").asString()).isEqualTo("portrait");
    assertThat(body.get("image").get("aspectRatio").asString()).isEqualTo("1:2");
  }

  @Test
  void aStoredAnalysisReadsBackUnchanged() {
    Response created = api.postImage("/api/v1/analyses", TestImages.png(320, 320));

    Response read = api.get(created.header("Location"));

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertProblem(api.get("/api/v1/analyses/" + UUID.randomUUID()), 404, "no analysis");
  }

  @Test
  void anIdThatIsNotAUuidIsABadRequest() {
    assertProblem(api.get("/api/v1/analyses/not-a-uuid"), 400, "'not-a-uuid' is not a valid id");
  }

  /**
   * Changed with accounts: outside the anonymous "try it" endpoints the API needs a signed-in
   * caller, so an anonymous request for an unknown path is a 401 problem; signed in, it is a 404
   * ({@code AccountTests}).
   */
  @Test
  void anUnknownPathIsAProblemToo() {
    assertProblem(api.get("/api/v1/nothing-here"), 401, "sign in");
  }

  @Test
  void aRequestWithoutAnImageIsABadRequest() {
    Response response =
        api.postMultipart("/api/v1/analyses", null, null, null, Map.of("note", "no picture"));

    assertProblem(response, 400, "image");
  }

  @Test
  void anEmptyFileIsABadRequest() {
    assertProblem(api.postImage("/api/v1/analyses", new byte[0]), 400, "");
  }

  @Test
  void aTextFileIsAnUnsupportedMediaType() {
    Response response =
        api.postMultipart(
            "/api/v1/analyses", "notes.txt", "text/plain", TestImages.text(), Map.of());

    assertProblem(response, 415, "");
  }

  @Test
  void aTruncatedJpegIsUnprocessable() {
    Response response =
        api.postMultipart(
            "/api/v1/analyses",
            "broken.jpg",
            "image/jpeg",
            TestImages.truncatedJpeg(400, 300),
            Map.of());

    assertProblem(response, 422, "");
  }

  @Test
  void anImageOverTheIntakeLimitIsTooLarge() {
    byte[] overLimit = TestImages.noisePng(300, 300, 7);
    assertThat(overLimit.length).isBetween(256 * 1024 + 1, 320 * 1024 - 1);

    assertProblem(api.postImage("/api/v1/analyses", overLimit), 413, "");
  }

  @Test
  void anUploadFarOverTheLimitIsStoppedByTheContainerWithTheSameStatus() {
    byte[] huge = new byte[1024 * 1024];

    assertProblem(api.postImage("/api/v1/analyses", huge), 413, "256 KB");
  }

  @Test
  void aFailedUploadWritesNothing() {
    Rows before = Rows.count(jdbc);

    api.postMultipart("/api/v1/analyses", "notes.txt", "text/plain", TestImages.text(), Map.of());
    api.postImage("/api/v1/analyses", TestImages.truncatedJpeg(400, 300));
    api.postImage("/api/v1/analyses", TestImages.noisePng(300, 300, 7));

    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }
}
