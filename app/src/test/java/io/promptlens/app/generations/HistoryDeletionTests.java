package io.promptlens.app.generations;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TeamOfThree;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deleting a history row: who may, what disappears, what stays. */
@AppIntegration
class HistoryDeletionTests extends TeamOfThree {

  @Autowired JdbcClient jdbc;
  String api;

  @BeforeEach
  void theTeamsApi() {
    api = "/api/v1/workspaces/" + team;
  }

  private String generation(UserSession author) {
    Response created =
        author.postImage(api + "/prompts", TestImages.png(320, 240), fields("target", "sdxl"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Test
  void theAuthorDeletesARowAndItLeavesHistoryLookupsAndRetargeting() {
    String id = generation(bob);
    String path = api + "/generations/" + id;

    assertThat(bob.delete(path).status()).isEqualTo(204);

    assertProblem(bob.get(path), 404, "No generation");
    assertThat(bob.get(api + "/generations").json()).isEmpty();
    assertProblem(bob.postJson(path + "/retarget", "{\"target\": \"flux\"}"), 404, "No generation");
    assertProblem(bob.delete(path), 404, "No generation");
    // Hidden, not gone: what points at it (library items, batch results) still resolves.
    assertThat(
            jdbc.sql(
                    "SELECT deleted_by FROM generations WHERE id = CAST(:id AS UUID)"
                        + " AND deleted_at IS NOT NULL")
                .param("id", id)
                .query((row, n) -> row.getObject("deleted_by", java.util.UUID.class).toString())
                .single())
        .isEqualTo(bob.userId());
  }

  @Test
  void onlyTheAuthorOrAnAdminDeletes() {
    String adas = generation(ada);
    String bobs = generation(bob);

    assertProblem(bob.delete(api + "/generations/" + adas), 403, "Only the author or an admin");
    assertProblem(cy.delete(api + "/generations/" + bobs), 403, "does not allow");
    assertThat(ada.get(api + "/generations").json()).hasSize(2);

    assertThat(ada.delete(api + "/generations/" + bobs).status()).isEqualTo(204);
    assertThat(ada.get(api + "/generations").json()).hasSize(1);
  }

  @Test
  void anotherWorkspacesRowIsNotFound() {
    String id = generation(ada);
    UserSession stranger = UserSession.verified(port, "Stranger");

    assertProblem(
        stranger.delete(
            "/api/v1/workspaces/" + stranger.personalWorkspace() + "/generations/" + id),
        404,
        "No generation");
    assertThat(ada.get(api + "/generations/" + id).status()).isEqualTo(200);
  }

  @Test
  void theHistoryPageDeletesWithTheSameRule() {
    String id = generation(bob);
    String team = api.substring(api.lastIndexOf('/') + 1);

    assertThat(bob.getPage("/history?workspace=" + team).body()).contains("delete-entry");
    assertThat(cy.getPage("/history?workspace=" + team).body()).doesNotContain("delete-entry");
    Response deleted = bob.postForm("/workspaces/" + team + "/history/" + id + "/delete", Map.of());

    assertThat(deleted.status()).isEqualTo(302);
    assertThat(deleted.header("Location")).contains("/history?workspace=" + team + "&deleted");
    assertThat(bob.get(api + "/generations").json()).isEmpty();
  }
}
