package io.promptlens.app.workspaces;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TeamOfThree;
import io.promptlens.app.support.Teams;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API key never outlives or outranks its creator: it acts with the lesser of its scope and the
 * creator's current role, dies with the creator's membership, never ends a membership itself, and
 * never shares what it can only read (issue 11, critical and high findings).
 */
@AppIntegration
class ApiKeyLifecycleTests extends TeamOfThree {

  /** The team's API path. */
  String base;

  /** Bob is an admin here: his keys may write until his role says less. */
  @Override
  protected String bobsRole() {
    return "admin";
  }

  @BeforeEach
  void theTeamsApi() {
    base = "/api/v1/workspaces/" + team;
  }

  ApiClient key(UserSession creator, String workspace, String scope) {
    return new ApiClient(port)
        .withKey(creator.createKey(workspace, "CI", scope).get("key").asString());
  }

  static String item(String prompt) {
    return "{\"prompt\": \"" + prompt + "\", \"target\": \"flux\"}";
  }

  @Test
  void aKeyDiesWhenItsCreatorIsRemoved() {
    ApiClient bobsKey = key(bob, team, "write");
    assertThat(bobsKey.get(base + "/library").status()).isEqualTo(200);

    assertThat(ada.delete(base + "/members/" + bob.userId()).status()).isEqualTo(204);

    assertProblem(bobsKey.get(base + "/library"), 401, "revoked");
    assertProblem(bobsKey.get(base + "/members"), 401, "revoked");
    assertProblem(bobsKey.postJson(base + "/library", item("after removal")), 401, "revoked");
    assertThat(ada.get(base + "/library").json()).isEmpty();
  }

  @Test
  void aKeyStaysDeadWhenItsCreatorRejoins() {
    ApiClient adasKey = key(ada, team, "read");
    ApiClient bobsKey = key(bob, team, "read");

    ada.delete(base + "/members/" + bob.userId());
    Teams.join(ada, team, bob, "admin");

    assertThat(adasKey.get(base + "/library").status()).isEqualTo(200);
    assertProblem(bobsKey.get(base + "/library"), 401, "revoked");
  }

  @Test
  void aDemotedCreatorsWriteKeyOnlyReads() {
    ApiClient bobsKey = key(bob, team, "write");
    assertThat(bobsKey.postJson(base + "/library", item("while admin")).status()).isEqualTo(201);

    assertThat(ada.putJson(base + "/members/" + bob.userId(), "{\"role\": \"viewer\"}").status())
        .isEqualTo(204);

    assertProblem(bobsKey.postJson(base + "/library", item("after demotion")), 403, "viewer");
    assertThat(bobsKey.get(base + "/library").status()).isEqualTo(200);
  }

  @Test
  void noKeyMakesItsCreatorLeave() {
    String personal = "/api/v1/workspaces/" + ada.personalWorkspace();

    assertProblem(key(bob, team, "write").postJson(base + "/leave", "{}"), 403, "API keys cannot");
    assertProblem(
        key(ada, ada.personalWorkspace(), "read").postJson(personal + "/leave", "{}"),
        403,
        "API keys cannot");

    assertThat(bob.get(base).status()).isEqualTo(200);
    assertThat(ada.get(personal).status()).isEqualTo(200);
    assertThat(ada.getPage("/history").status()).isEqualTo(200);
  }

  @Test
  void aReadKeyCannotShareItsCreatorsPrivateItem() {
    String library = "/api/v1/workspaces/" + ada.personalWorkspace() + "/library";
    Response saved = ada.postJson(library, item("private idea"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    String share = library + "/" + saved.json().get("id").asString() + "/share";

    assertProblem(key(ada, ada.personalWorkspace(), "read").postJson(share, "{}"), 403, "viewer");
    assertThat(key(ada, ada.personalWorkspace(), "write").postJson(share, "{}").status())
        .isEqualTo(200);
  }
}
