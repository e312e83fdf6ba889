package io.promptlens.app.workspaces;

import static io.promptlens.app.support.Problems.assertProblem;
import static io.promptlens.app.support.Teams.join;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Team workspaces: invitations by mail, roles, removal, ownership transfer, leaving. */
@AppIntegration
class WorkspaceTests {

  @LocalServerPort int port;

  List<String> roles(UserSession session, String workspace) {
    List<String> roles = new ArrayList<>();
    for (JsonNode member : session.get("/api/v1/workspaces/" + workspace + "/members").json()) {
      roles.add(member.get("email").asString() + "=" + member.get("role").asString());
    }
    return roles;
  }

  @Test
  void anInviteeJoinsWithTheRoleTheMailedLinkCarries() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    String team = team(ada, "Campaign", bob, "viewer");

    assertThat(roles(ada, team))
        .containsExactlyInAnyOrder(ada.email() + "=owner", bob.email() + "=viewer");
    assertThat(bob.get("/api/v1/workspaces/" + team).json().get("role").asString())
        .isEqualTo("viewer");
  }

  @Test
  void anInvitationWorksOnlyForItsEmailAndOnlyOnce() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    UserSession eve = UserSession.verified(port, "Eve");
    String team = team(ada, "Campaign");
    ada.postJson(
        "/api/v1/workspaces/" + team + "/invitations",
        "{\"email\": \"" + bob.email() + "\", \"role\": \"member\"}");
    String link = TestMail.last(bob.email()).link("/invitations/");
    String body = "{\"token\": \"" + link.substring(link.lastIndexOf('/') + 1) + "\"}";

    assertProblem(eve.postJson("/api/v1/invitations/accept", body), 403, "another email");
    assertThat(bob.postJson("/api/v1/invitations/accept", body).status()).isEqualTo(200);
    assertProblem(bob.postJson("/api/v1/invitations/accept", body), 409, "used");
  }

  @Test
  void aPersonalWorkspaceTakesNoInvitations() {
    UserSession ada = UserSession.verified(port, "Ada");

    Response response =
        ada.postJson(
            "/api/v1/workspaces/" + ada.personalWorkspace() + "/invitations",
            "{\"email\": \"friend@example.com\", \"role\": \"member\"}");

    assertProblem(response, 409, "team workspace");
  }

  @Test
  void anAdminChangesRolesAndRemovesMembersButNeverTheOwner() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    UserSession cy = UserSession.verified(port, "Cy");
    String team = team(ada, "Campaign", bob, "admin");
    join(ada, team, cy, "viewer");

    assertThat(
            bob.putJson(
                    "/api/v1/workspaces/" + team + "/members/" + cy.userId(),
                    "{\"role\": \"member\"}")
                .status())
        .isEqualTo(204);
    assertProblem(
        bob.putJson(
            "/api/v1/workspaces/" + team + "/members/" + ada.userId(), "{\"role\": \"viewer\"}"),
        409,
        "transferring ownership");
    assertProblem(
        bob.delete("/api/v1/workspaces/" + team + "/members/" + ada.userId()), 409, "owner");
    assertThat(bob.delete("/api/v1/workspaces/" + team + "/members/" + cy.userId()).status())
        .isEqualTo(204);

    assertThat(roles(ada, team))
        .containsExactlyInAnyOrder(ada.email() + "=owner", bob.email() + "=admin");
    assertProblem(cy.get("/api/v1/workspaces/" + team), 404, "no workspace");
  }

  @Test
  void theOwnerTransfersOwnershipThenMayLeave() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    String team = team(ada, "Campaign", bob, "member");
    assertProblem(ada.postJson("/api/v1/workspaces/" + team + "/leave", "{}"), 409, "transfer");

    assertThat(
            ada.postJson(
                    "/api/v1/workspaces/" + team + "/transfer",
                    "{\"userId\": \"" + bob.userId() + "\"}")
                .status())
        .isEqualTo(204);
    assertThat(roles(bob, team))
        .containsExactlyInAnyOrder(ada.email() + "=admin", bob.email() + "=owner");

    assertThat(ada.postJson("/api/v1/workspaces/" + team + "/leave", "{}").status()).isEqualTo(204);
    assertThat(roles(bob, team)).containsExactly(bob.email() + "=owner");
  }

  @Test
  void anUnknownRoleIsABadRequest() {
    UserSession ada = UserSession.verified(port, "Ada");
    String team = team(ada, "Campaign");

    assertProblem(
        ada.postJson(
            "/api/v1/workspaces/" + team + "/invitations",
            "{\"email\": \"x@example.com\", \"role\": \"emperor\"}"),
        400,
        "Unknown role");
  }
}
