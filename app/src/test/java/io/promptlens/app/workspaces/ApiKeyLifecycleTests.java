package io.promptlens.app.workspaces;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Teams;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An API key never outlives or outranks its creator: it acts with the lesser of its scope and the
 * creator's current role, dies with the creator's membership, never ends a membership itself, and
 * never shares what it can only read (issue 11, critical and high findings).
 */
@AppIntegration
class ApiKeyLifecycleTests {

  @LocalServerPort int port;

  String team(UserSession owner) {
    Response created = owner.postJson("/api/v1/workspaces", "{\"name\": \"Campaign\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  ApiClient key(UserSession creator, String workspace, String scope) {
    Response created =
        creator.postJson(
            "/api/v1/workspaces/" + workspace + "/api-keys",
            "{\"name\": \"CI\", \"scope\": \"" + scope + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new ApiClient(port).withKey(created.json().get("key").asString());
  }

  static String item(String prompt) {
    return "{\"prompt\": \"" + prompt + "\", \"target\": \"flux\"}";
  }

  @Test
  void aKeyDiesWhenItsCreatorIsRemoved() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession cy = UserSession.verified(port, "Cy");
    String team = team(ada);
    Teams.join(ada, team, cy, "admin");
    ApiClient cysKey = key(cy, team, "write");
    String base = "/api/v1/workspaces/" + team;
    assertThat(cysKey.get(base + "/library").status()).isEqualTo(200);

    assertThat(ada.delete(base + "/members/" + cy.userId()).status()).isEqualTo(204);

    assertProblem(cysKey.get(base + "/library"), 401, "revoked");
    assertProblem(cysKey.get(base + "/members"), 401, "revoked");
    assertProblem(cysKey.postJson(base + "/library", item("after removal")), 401, "revoked");
    assertThat(ada.get(base + "/library").json()).isEmpty();
  }

  @Test
  void aKeyStaysDeadWhenItsCreatorRejoins() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession cy = UserSession.verified(port, "Cy");
    String team = team(ada);
    Teams.join(ada, team, cy, "admin");
    ApiClient adasKey = key(ada, team, "read");
    ApiClient cysKey = key(cy, team, "read");
    String base = "/api/v1/workspaces/" + team;

    ada.delete(base + "/members/" + cy.userId());
    Teams.join(ada, team, cy, "admin");

    assertThat(adasKey.get(base + "/library").status()).isEqualTo(200);
    assertProblem(cysKey.get(base + "/library"), 401, "revoked");
  }

  @Test
  void aDemotedCreatorsWriteKeyOnlyReads() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession cy = UserSession.verified(port, "Cy");
    String team = team(ada);
    Teams.join(ada, team, cy, "admin");
    ApiClient cysKey = key(cy, team, "write");
    String base = "/api/v1/workspaces/" + team;
    assertThat(cysKey.postJson(base + "/library", item("while admin")).status()).isEqualTo(201);

    assertThat(ada.putJson(base + "/members/" + cy.userId(), "{\"role\": \"viewer\"}").status())
        .isEqualTo(204);

    assertProblem(cysKey.postJson(base + "/library", item("after demotion")), 403, "viewer");
    assertThat(cysKey.get(base + "/library").status()).isEqualTo(200);
  }

  @Test
  void noKeyMakesItsCreatorLeave() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    String team = team(ada);
    Teams.join(ada, team, bob, "admin");
    String personal = "/api/v1/workspaces/" + ada.personalWorkspace();

    assertProblem(
        key(bob, team, "write").postJson("/api/v1/workspaces/" + team + "/leave", "{}"),
        403,
        "API keys cannot");
    assertProblem(
        key(ada, ada.personalWorkspace(), "read").postJson(personal + "/leave", "{}"),
        403,
        "API keys cannot");

    assertThat(bob.get("/api/v1/workspaces/" + team).status()).isEqualTo(200);
    assertThat(ada.get(personal).status()).isEqualTo(200);
    assertThat(ada.getPage("/history").status()).isEqualTo(200);
  }

  @Test
  void aReadKeyCannotShareItsCreatorsPrivateItem() {
    UserSession ada = UserSession.verified(port, "Ada");
    String library = "/api/v1/workspaces/" + ada.personalWorkspace() + "/library";
    Response saved = ada.postJson(library, item("private idea"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    String share = library + "/" + saved.json().get("id").asString() + "/share";

    assertProblem(key(ada, ada.personalWorkspace(), "read").postJson(share, "{}"), 403, "viewer");
    assertThat(key(ada, ada.personalWorkspace(), "write").postJson(share, "{}").status())
        .isEqualTo(200);
  }
}
