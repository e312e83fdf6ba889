package io.promptlens.app.privacy;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;

/**
 * A person who has used everything: a generation, a library item with a tag in a collection, a
 * favourite, a preset, an API key (used, with an Idempotency-Key), a team with an invitation they
 * sent, an invitation sent to them, and a teammate in that team who generated there too. What the
 * export and the erasure tests start from.
 */
record Footprint(
    UserSession person,
    String ip,
    String personal,
    String team,
    String teamGeneration,
    UserSession teammate,
    String key) {

  static Footprint of(int port) {
    String ip = People.ip();
    UserSession person = People.signedUp(port, ip);
    String personal = person.personalWorkspace();
    String generation =
        person
            .postImage(
                "/api/v1/workspaces/" + personal + "/prompts", TestImages.png(64, 48), fields())
            .json()
            .get("id")
            .asString();
    String collection =
        person
            .postJson("/api/v1/workspaces/" + personal + "/collections", "{\"name\": \"Mine\"}")
            .json()
            .get("id")
            .asString();
    String item =
        created(
                person.postJson(
                    "/api/v1/workspaces/" + personal + "/library",
                    "{\"generationId\": \""
                        + generation
                        + "\", \"tags\": [\"fox\"], \"collectionId\": \""
                        + collection
                        + "\"}"))
            .json()
            .get("id")
            .asString();
    person.putJson("/api/v1/workspaces/" + personal + "/library/" + item + "/favourite", "{}");
    created(
        person.postJson(
            "/api/v1/workspaces/" + personal + "/presets",
            "{\"name\": \"Brand\", \"style\": {\"palette\": [{\"hex\": \"#1F4EA8\"}]}}"));
    String key =
        created(
                person.postJson(
                    "/api/v1/workspaces/" + personal + "/api-keys",
                    "{\"name\": \"ci\", \"scope\": \"write\"}"))
            .json()
            .get("key")
            .asString();
    ApiClient withKey = People.key(port, key, ip).with("Idempotency-Key", "footprint-1");
    created(
        withKey.postJson(
            "/api/v1/workspaces/" + personal + "/collections", "{\"name\": \"By key\"}"));

    String team =
        created(person.postJson("/api/v1/workspaces", "{\"name\": \"Team of footprint\"}"))
            .json()
            .get("id")
            .asString();
    UserSession teammate = People.signedUp(port, People.ip());
    created(
        person.postJson(
            "/api/v1/workspaces/" + team + "/invitations",
            "{\"email\": \"" + teammate.email() + "\", \"role\": \"admin\"}"));
    String link = TestMail.last(teammate.email()).link("/invitations/");
    created(
        teammate.postJson(
            "/api/v1/invitations/accept",
            "{\"token\": \"" + link.substring(link.lastIndexOf('/') + 1) + "\"}"));
    String teamGeneration =
        person
            .postImage("/api/v1/workspaces/" + team + "/prompts", TestImages.png(48, 64), fields())
            .json()
            .get("id")
            .asString();
    teammate.prompt(team, TestImages.png(40, 40), fields());
    // An invitation to the person, from the teammate's own team.
    String teammatesTeam =
        created(teammate.postJson("/api/v1/workspaces", "{\"name\": \"Other team\"}"))
            .json()
            .get("id")
            .asString();
    created(
        teammate.postJson(
            "/api/v1/workspaces/" + teammatesTeam + "/invitations",
            "{\"email\": \"" + person.email() + "\", \"role\": \"viewer\"}"));
    return new Footprint(person, ip, personal, team, teamGeneration, teammate, key);
  }

  private static ApiClient.Response created(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isIn(200, 201);
    return response;
  }
}
