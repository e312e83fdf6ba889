package io.promptlens.app.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TeamOfThree;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workspace page's forms: remove a member, transfer ownership, leave, settings. */
@AppIntegration
class WorkspacePageControlsTests extends TeamOfThree {

  @Override
  protected String bobsRole() {
    return "admin";
  }

  String page(UserSession session) {
    return session.getPage("/workspaces/" + team).body();
  }

  int members() {
    return ada.get("/api/v1/workspaces/" + team + "/members").json().size();
  }

  @Test
  void eachRoleSeesOnlyTheControlsItMayUse() {
    assertThat(page(ada))
        .contains("remove-member")
        .contains("transfer-form")
        .contains("settings-form")
        .doesNotContain("leave-form");
    assertThat(page(bob))
        .contains("remove-member")
        .contains("settings-form")
        .contains("leave-form")
        .doesNotContain("transfer-form");
    assertThat(page(cy))
        .contains("leave-form")
        .doesNotContain("remove-member")
        .doesNotContain("transfer-form")
        .doesNotContain("settings-form");
  }

  @Test
  void anAdminRemovesAMemberFromThePage() {
    Response removed =
        bob.postForm("/workspaces/" + team + "/members/" + cy.userId() + "/remove", Map.of());

    assertThat(removed.status()).isEqualTo(302);
    assertThat(removed.header("Location")).endsWith("/workspaces/" + team + "?removed");
    assertThat(members()).isEqualTo(2);
    assertThat(cy.getPage("/workspaces/" + team).status()).isEqualTo(404);
  }

  @Test
  void aViewerCannotRemoveAnyone() {
    Response refused =
        cy.postForm("/workspaces/" + team + "/members/" + bob.userId() + "/remove", Map.of());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(members()).isEqualTo(3);
  }

  @Test
  void theOwnerTransfersOwnershipFromThePageAndBecomesAdmin() {
    Response transferred =
        ada.postForm("/workspaces/" + team + "/transfer", Map.of("userId", bob.userId()));

    assertThat(transferred.status()).isEqualTo(302);
    assertThat(bob.get("/api/v1/workspaces/" + team).json().get("role").asString())
        .isEqualTo("owner");
    assertThat(ada.get("/api/v1/workspaces/" + team).json().get("role").asString())
        .isEqualTo("admin");
    assertThat(page(ada)).contains("leave-form");
  }

  @Test
  void aMemberLeavesFromThePageButTheOwnerCannot() {
    Response left = cy.postForm("/workspaces/" + team + "/leave", Map.of());

    assertThat(left.status()).isEqualTo(302);
    assertThat(left.header("Location")).endsWith("/workspaces?left");
    assertThat(members()).isEqualTo(2);
    assertThat(ada.postForm("/workspaces/" + team + "/leave", Map.of()).status()).isEqualTo(409);
    assertThat(members()).isEqualTo(2);
  }

  @Test
  void aViewerCannotChangeSettings() {
    Response refused =
        cy.postForm(
            "/workspaces/" + team + "/settings",
            Map.of("safetyAction", "allow", "thumbnails", "true"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(
            ada.get("/api/v1/workspaces/" + team + "/settings")
                .json()
                .get("safetyAction")
                .asString())
        .isEqualTo("warn");
  }
}
