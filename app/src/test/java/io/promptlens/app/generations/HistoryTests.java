package io.promptlens.app.generations;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Generations saved in a workspace: who and when, search, re-target without re-analysing. */
@AppIntegration
class HistoryTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aSignedInGenerationIsSavedInTheWorkspaceWithWhoAndWhen() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();

    Response created =
        ada.prompt(
            workspace, TestImages.png(640, 360), fields("target", "sdxl", "subject", "a red fox"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location"))
        .endsWith("/api/v1/workspaces/" + workspace + "/generations/" + id);
    JsonNode history = ada.get("/api/v1/workspaces/" + workspace + "/generations").json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("id").asString()).isEqualTo(id);
    assertThat(history.get(0).get("createdByName").asString()).isEqualTo("Ada Tester");
    assertThat(history.get(0).get("controls").get("subject").asString()).isEqualTo("a red fox");
    assertThat(ada.get("/api/v1/workspaces/" + workspace + "/generations/" + id).status())
        .isEqualTo(200);
  }

  @Test
  void theAnonymousApiNeitherSeesNorReachesWorkspaceRows() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    JsonNode created = ada.prompt(workspace, TestImages.png(320, 240), fields()).json();
    ApiClient anonymous = new ApiClient(port);

    assertProblem(
        anonymous.get("/api/v1/generations/" + created.get("id").asString()), 404, "no generation");
    assertProblem(
        anonymous.get("/api/v1/analyses/" + created.get("analysisId").asString()),
        404,
        "no analysis");
    assertProblem(
        anonymous.postJson(
            "/api/v1/prompts",
            "{\"analysisId\": \"" + created.get("analysisId").asString() + "\"}"),
        404,
        "no analysis");
  }

  @Test
  void historyIsSearchedByTextTargetAndDate() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    String prompts = "/api/v1/workspaces/" + workspace + "/prompts";
    ada.postImage(
        prompts, TestImages.png(400, 400), fields("target", "sdxl", "subject", "a lighthouse"));
    ada.postImage(
        prompts, TestImages.png(400, 400), fields("target", "flux", "subject", "a harbour"));
    String history = "/api/v1/workspaces/" + workspace + "/generations";
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    assertThat(ada.get(history + "?q=LIGHTHOUSE").json()).hasSize(1);
    assertThat(ada.get(history + "?target=flux").json().get(0).get("target").asString())
        .isEqualTo("flux");
    assertThat(ada.get(history + "?target=sdxl&q=harbour").json()).isEmpty();
    assertThat(ada.get(history + "?from=" + today + "&to=" + today).json()).hasSize(2);
    assertThat(ada.get(history + "?to=" + yesterday).json()).isEmpty();
    assertThat(ada.get(history + "?q=100%25").json()).isEmpty();
    assertProblem(ada.get(history + "?from=yesterday"), 400, "YYYY-MM-DD");
    assertProblem(ada.get(history + "?target=nope"), 400, "midjourney");
  }

  @Test
  void anOldGenerationIsRetargetedWithoutAnalysingAgain() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    JsonNode first =
        ada.prompt(workspace, TestImages.png(640, 360), fields("target", "midjourney")).json();
    Rows before = Rows.count(jdbc);

    Response retargeted =
        ada.postJson(
            "/api/v1/workspaces/"
                + workspace
                + "/generations/"
                + first.get("id").asString()
                + "/retarget",
            "{\"target\": \"sdxl\", \"mode\": \"style\"}");

    assertThat(retargeted.status()).as(retargeted.body()).isEqualTo(201);
    assertThat(retargeted.json().get("analysisId").asString())
        .isEqualTo(first.get("analysisId").asString());
    assertThat(retargeted.json().get("target").asString()).isEqualTo("sdxl");
    assertThat(retargeted.json().get("mode").asString()).isEqualTo("style");
    Rows after = Rows.count(jdbc);
    assertThat(after.analyses()).isEqualTo(before.analyses());
    assertThat(after.generations()).isEqualTo(before.generations() + 1);
  }

  @Test
  void aFailedWorkspaceGenerationWritesNothing() {
    UserSession ada = UserSession.verified(port, "Ada");
    Rows before = Rows.count(jdbc);

    Response response =
        ada.postImage(
            "/api/v1/workspaces/" + ada.personalWorkspace() + "/prompts",
            TestImages.png(64, 64),
            fields("target", "no-such-model"));

    assertProblem(response, 400, "midjourney");
    assertThat(Rows.count(jdbc)).isEqualTo(before);
  }
}
