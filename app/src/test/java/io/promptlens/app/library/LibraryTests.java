package io.promptlens.app.library;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TeamOfThree;
import io.promptlens.app.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The library: save, private until shared, versioned edits, tags, favourites, export. */
@AppIntegration
class LibraryTests extends TeamOfThree {

  @Autowired JdbcClient jdbc;
  String library;

  @BeforeEach
  void theTeamsLibrary() {
    library = "/api/v1/workspaces/" + team + "/library";
  }

  /** Ada's SDXL prompt for a 320 × 200 image in the team's history. */
  JsonNode generated() {
    return ada.prompt(team, TestImages.png(320, 200), fields("target", "sdxl")).json();
  }

  JsonNode saved(String tags) {
    JsonNode generation = generated();
    Response response =
        ada.postJson(
            library,
            "{\"generationId\": \""
                + generation.get("id").asString()
                + "\", \"tags\": "
                + tags
                + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  @Test
  void aGenerationSavedWithAnEditedPromptKeepsTheEditAndItsLinkToTheGeneration() {
    JsonNode generation = generated();
    String generationId = generation.get("id").asString();

    Response response =
        ada.postJson(
            library,
            "{\"generationId\": \""
                + generationId
                + "\", \"prompt\": \"a lighthouse at dusk, edited by hand\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode item = response.json();
    assertThat(item.get("current").get("prompt").asString())
        .isEqualTo("a lighthouse at dusk, edited by hand");
    assertThat(item.get("generationId").asString()).isEqualTo(generationId);
    assertThat(item.get("current").get("target").asString()).isEqualTo("sdxl");
  }

  @Test
  void aSavedGenerationIsPrivateUntilSharedThenTheTeamSeesIt() {
    JsonNode item = saved("[\"Campaign\", \"spring\"]");
    String path = library + "/" + item.get("id").asString();

    assertThat(item.get("current").get("target").asString()).isEqualTo("sdxl");
    assertThat(item.get("tags"))
        .extracting(JsonNode::asString)
        .containsExactly("campaign", "spring");
    assertProblem(bob.get(path), 404, "No library item");
    assertThat(bob.get(library).json()).isEmpty();

    assertThat(ada.postJson(path + "/share", "{}").json().get("sharedAt").isNull()).isFalse();

    assertThat(bob.get(path).status()).isEqualTo(200);
    assertThat(cy.get(library).json()).hasSize(1);
  }

  @Test
  void anEditAddsAVersionAndAStaleEditIsAConflict() {
    JsonNode item = saved("[]");
    String path = library + "/" + item.get("id").asString();
    ada.postJson(path + "/share", "{}");

    Response edited =
        bob.putJson(
            path,
            "{\"prompt\": \"a calmer harbour at dawn\", \"note\": \"calmer\", \"baseVersion\": 1}");

    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("current").get("version").asInt()).isEqualTo(2);
    JsonNode versions = ada.get(path + "/versions").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("prompt").asString()).isEqualTo("a calmer harbour at dawn");
    assertThat(versions.get(1).get("prompt").asString())
        .isEqualTo(item.get("current").get("prompt").asString());
    assertProblem(ada.putJson(path, "{\"prompt\": \"mine\", \"baseVersion\": 1}"), 409, "Reload");
    assertProblem(cy.putJson(path, "{\"prompt\": \"viewer edit\"}"), 403, "viewer");
    assertThat(ada.get(path + "/versions").json()).hasSize(2);
  }

  @Test
  void tagsAndFavouritesFilterTheListAndFavouritesArePersonal() {
    JsonNode red = saved("[\"red\"]");
    saved("[\"blue\"]");
    ada.postJson(library + "/" + red.get("id").asString() + "/share", "{}");

    assertThat(ada.get(library + "?tag=red").json()).hasSize(1);
    ada.putJson(library + "/" + red.get("id").asString() + "/favourite", "{}");
    assertThat(ada.get(library + "?favourites=true").json()).hasSize(1);
    assertThat(bob.get(library + "?favourites=true").json()).isEmpty();
    assertThat(bob.get(library).json().get(0).get("favourite").asBoolean()).isFalse();
  }

  @Test
  void anItemCopiesAsTextOrJson() {
    Response created =
        ada.postJson(
            library,
            "{\"title\": \"Fox\", \"prompt\": \"a red fox in snow\", \"negativePrompt\": \"blurry\","
                + " \"target\": \"sdxl\", \"mode\": \"full\", \"tags\": [\"fox\"]}");
    String path = library + "/" + created.json().get("id").asString();

    Response text = ada.get(path + "/export?format=text");
    JsonNode json = ada.get(path + "/export?format=json").json();

    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.body()).isEqualTo("a red fox in snow\n\nNegative prompt: blurry\n");
    assertThat(json.get("prompt").asString()).isEqualTo("a red fox in snow");
    assertThat(json.get("tags").get(0).asString()).isEqualTo("fox");
    assertThat(json.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void anItemWithoutAPromptIsRefusedAndNothingIsWritten() {
    long before = jdbc.sql("SELECT COUNT(*) FROM library_items").query(Long.class).single();

    assertProblem(ada.postJson(library, "{\"title\": \"empty\"}"), 400, "prompt");
    assertProblem(
        ada.postJson(library, "{\"prompt\": \"x\", \"tags\": [\"" + "t".repeat(51) + "\"]}"),
        400,
        "50 characters");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM library_items").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void collectionsGroupItems() {
    String collection =
        ada.postJson("/api/v1/workspaces/" + team + "/collections", "{\"name\": \"Spring\"}")
            .json()
            .get("id")
            .asString();
    ada.postJson(
        library, "{\"prompt\": \"a tulip field\", \"collectionId\": \"" + collection + "\"}");
    ada.postJson(library, "{\"prompt\": \"a snow field\"}");

    assertThat(ada.get(library + "?collection=" + collection).json()).hasSize(1);
    assertProblem(
        ada.postJson(
            library,
            "{\"prompt\": \"x\", \"collectionId\": \"00000000-0000-0000-0000-000000000000\"}"),
        404,
        "collection");
  }
}
