package io.promptlens.app.generations;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Workspace settings: the safety action's default, and thumbnails kept only when opted in. */
@AppIntegration
class WorkspaceSettingsTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  String generate(UserSession session, String workspace) {
    Response created = session.prompt(workspace, TestImages.png(1200, 600), fields());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  static JsonNode settings(UserSession session, String workspace) {
    return session.get("/api/v1/workspaces/" + workspace + "/settings").json();
  }

  static String safetyAction(UserSession session, String workspace) {
    return settings(session, workspace).get("safetyAction").asString();
  }

  /** The settings API asked to change the safety action alone. */
  static Response putSafetyAction(UserSession session, String workspace, String action) {
    return session.putJson(
        "/api/v1/workspaces/" + workspace + "/settings", "{\"safetyAction\": \"" + action + "\"}");
  }

  /** The settings page's form sent with {@code safetyAction} and thumbnails on. */
  static Response postSettings(UserSession session, String workspace, String safetyAction) {
    return session.postForm(
        "/workspaces/" + workspace + "/settings",
        Map.of("safetyAction", safetyAction, "thumbnails", "true"));
  }

  @Test
  void aWorkspaceWarnsAndKeepsNoThumbnailsUntilItsOwnerChanges() {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();

    JsonNode settings = settings(ada, ws);
    assertThat(settings.get("safetyAction").asString()).isEqualTo("warn");
    assertThat(settings.get("thumbnails").asBoolean()).isFalse();
    assertThat(settings.get("visionProvider").asBoolean()).isFalse();

    Response changed = putSafetyAction(ada, ws, "refuse");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("safetyAction").asString()).isEqualTo("refuse");
    assertThat(changed.json().get("thumbnails").asBoolean()).isFalse();

    Problems.assertProblem(putSafetyAction(ada, ws, "hide"), 400, "allow, warn, blur or refuse");
    assertThat(safetyAction(ada, ws)).isEqualTo("refuse");
  }

  @Test
  void blurIsASafetyActionOfTheApiAndOfTheSettingsPage() {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();

    Response changed = putSafetyAction(ada, ws, "blur");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("safetyAction").asString()).isEqualTo("blur");
    assertThat(
            jdbc.sql("SELECT safety_action FROM workspaces WHERE id = CAST(:id AS UUID)")
                .param("id", ws)
                .query(String.class)
                .single())
        .isEqualTo("blur");

    String page = ada.getPage("/workspaces/" + ws).body();
    assertThat(page)
        .containsPattern("value=\"blur\"\\s+selected=\"selected\">Allow with a warning, blurred<")
        .contains("Show image");

    Response form = postSettings(ada, ws, "warn");
    assertThat(form.status()).isEqualTo(302);
    assertThat(postSettings(ada, ws, "BLUR").status()).isEqualTo(302);
    JsonNode settings = settings(ada, ws);
    assertThat(settings.get("safetyAction").asString()).isEqualTo("blur");
    assertThat(settings.get("thumbnails").asBoolean()).isTrue();

    Response unknown = postSettings(ada, ws, "pixelate");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(safetyAction(ada, ws)).isEqualTo("blur");
  }

  @Test
  void theDatabaseItselfRefusesAnUnknownSafetyAction() {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE workspaces SET safety_action = 'pixelate'"
                            + " WHERE id = CAST(:id AS UUID)")
                    .param("id", ws)
                    .update())
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  @Test
  void withThumbnailsOffNoImageIsStored() {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();

    String generation = generate(ada, ws);

    assertThat(
            ada.getBytes("/api/v1/workspaces/" + ws + "/generations/" + generation + "/thumbnail")
                .statusCode())
        .isEqualTo(404);
    assertThat(count(generation)).isZero();
    assertThat(ada.getPage("/history?workspace=" + ws).body()).doesNotContain("history-thumbnail");
  }

  @Test
  void withThumbnailsOnASmallReencodedJpegIsKeptShownInHistoryAndErasedWithItsGeneration()
      throws IOException {
    UserSession ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();
    Response page = postSettings(ada, ws, "warn");
    assertThat(page.status()).isEqualTo(302);
    assertThat(settings(ada, ws).get("thumbnails").asBoolean()).isTrue();

    String generation = generate(ada, ws);

    String path = "/api/v1/workspaces/" + ws + "/generations/" + generation + "/thumbnail";
    HttpResponse<byte[]> thumbnail = ada.getBytes(path);
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(image.getHeight()).isEqualTo(128);
    assertThat(ada.getPage("/history?workspace=" + ws).body())
        .contains("history-thumbnail")
        .contains(path);
    assertThat(
            ada.get("/api/v1/workspaces/" + ws + "/generations?limit=5")
                .json()
                .get(0)
                .get("id")
                .asString())
        .isEqualTo(generation);

    // Another workspace's member cannot read it.
    UserSession bob = UserSession.verified(port, "Bob");
    assertThat(bob.getBytes(path).statusCode()).isEqualTo(404);

    // Erased with the generation.
    jdbc.sql("DELETE FROM generations WHERE id = CAST(:id AS UUID)")
        .param("id", generation)
        .update();
    assertThat(count(generation)).isZero();
  }

  long count(String generation) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM generation_thumbnails WHERE generation_id = CAST(:id AS UUID)")
        .param("id", generation)
        .query(Long.class)
        .single();
  }
}
