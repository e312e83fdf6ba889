package io.promptlens.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;

/** Setting up a team through the API, as its owner and invitees would, each step checked. */
public final class Teams {

  private Teams() {}

  /** Creates a workspace named {@code name} owned by {@code owner}; returns its id. */
  public static String team(UserSession owner, String name) {
    Response created = owner.postJson("/api/v1/workspaces", "{\"name\": \"" + name + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** {@link #team} with {@code invitee} already joined as {@code role}; returns its id. */
  public static String team(UserSession owner, String name, UserSession invitee, String role) {
    String workspace = team(owner, name);
    join(owner, workspace, invitee, role);
    return workspace;
  }

  /** Invites {@code invitee} with {@code role} and accepts the mailed link. */
  public static void join(UserSession owner, String workspace, UserSession invitee, String role) {
    Response invited =
        owner.postJson(
            "/api/v1/workspaces/" + workspace + "/invitations",
            "{\"email\": \"" + invitee.email() + "\", \"role\": \"" + role + "\"}");
    assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    String link = TestMail.last(invitee.email()).link("/invitations/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    Response accepted =
        invitee.postJson("/api/v1/invitations/accept", "{\"token\": \"" + token + "\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
  }
}
