package io.promptlens.app.library;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TeamOfThree;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Renaming and deleting collections, deleting library items (soft), by API and page forms. */
@AppIntegration
class LibraryManagementTests extends TeamOfThree {

  @Autowired JdbcClient jdbc;
  String api;

  @BeforeEach
  void theTeamsApi() {
    api = api(team);
  }

  static String api(String workspace) {
    return "/api/v1/workspaces/" + workspace;
  }

  String collection(String name) {
    Response created = ada.postJson(api + "/collections", "{\"name\": \"" + name + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  JsonNode item(UserSession author, String collection) {
    Response created =
        author.postJson(
            api + "/library",
            "{\"title\": \"Fox\", \"prompt\": \"a red fox\", \"target\": \"sdxl\", \"mode\": \"full\""
                + (collection == null ? "" : ", \"collectionId\": \"" + collection + "\"")
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    author.postJson(api + "/library/" + created.json().get("id").asString() + "/share", "{}");
    return created.json();
  }

  @Test
  void anItemMovesBetweenCollectionsAndOutOfEvery() {
    String spring = collection("Spring");
    String summer = collection("Summer");
    String itemId = item(ada, spring).get("id").asString();

    Response moved =
        bob.putJson(
            api + "/library/" + itemId + "/collection", "{\"collectionId\": \"" + summer + "\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("collectionId").asString()).isEqualTo(summer);
    assertThat(ada.get(api + "/library?collection=" + spring).json()).isEmpty();
    assertThat(ada.get(api + "/library?collection=" + summer).json()).hasSize(1);

    Response out =
        bob.putJson(api + "/library/" + itemId + "/collection", "{\"collectionId\": null}");
    assertThat(out.json().get("collectionId").isNull()).isTrue();
  }

  @Test
  void anItemCannotMoveIntoAnotherWorkspacesCollectionNorBeMovedByAViewer() {
    String itemId = item(ada, null).get("id").asString();
    String elsewhere =
        ada.postJson(api(ada.personalWorkspace()) + "/collections", "{\"name\": \"Mine\"}")
            .json()
            .get("id")
            .asString();

    Response foreign =
        ada.putJson(
            api + "/library/" + itemId + "/collection",
            "{\"collectionId\": \"" + elsewhere + "\"}");
    Response byViewer =
        cy.putJson(api + "/library/" + itemId + "/collection", "{\"collectionId\": null}");

    assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    assertThat(byViewer.status()).as(byViewer.body()).isEqualTo(403);
    assertThat(ada.get(api + "/library/" + itemId).json().get("collectionId").isNull()).isTrue();
  }

  @Test
  void aCollectionIsRenamedAndDeletedWhileItsItemsStay() {
    String collection = collection("Spring");
    String itemId = item(ada, collection).get("id").asString();

    Response renamed = bob.putJson(api + "/collections/" + collection, "{\"name\": \" Summer \"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().get("name").asString()).isEqualTo("Summer");
    assertProblem(
        ada.putJson(api + "/collections/" + collection, "{\"name\": \"\"}"), 400, "1 to 100");
    assertProblem(
        cy.putJson(api + "/collections/" + collection, "{\"name\": \"X\"}"), 403, "does not allow");

    assertThat(ada.delete(api + "/collections/" + collection).status()).isEqualTo(204);

    assertThat(ada.get(api + "/collections").json()).isEmpty();
    JsonNode item = ada.get(api + "/library/" + itemId).json();
    assertThat(item.path("collectionId").isNull() || item.path("collectionId").isMissingNode())
        .isTrue();
    assertProblem(ada.delete(api + "/collections/" + collection), 404, "No collection");
  }

  @Test
  void anotherWorkspacesCollectionOrItemIs404() {
    String collection = collection("Spring");
    String itemId = item(ada, collection).get("id").asString();
    UserSession stranger = UserSession.verified(port, "Stranger");
    String own = api(stranger.personalWorkspace());

    assertProblem(
        stranger.putJson(own + "/collections/" + collection, "{\"name\": \"Mine\"}"),
        404,
        "No collection");
    assertProblem(stranger.delete(own + "/collections/" + collection), 404, "No collection");
    assertProblem(stranger.delete(own + "/library/" + itemId), 404, "No library item");
    assertThat(ada.get(api + "/library/" + itemId).status()).isEqualTo(200);
  }

  @Test
  void aDeletedItemLeavesListsButKeepsItsVersions() {
    JsonNode item = item(ada, null);
    String path = api + "/library/" + item.get("id").asString();
    ada.putJson(path, "{\"prompt\": \"a red fox in snow\"}");

    assertProblem(bob.delete(path), 403, "Only the author or an admin");
    assertProblem(cy.delete(path), 403, "does not allow");
    assertThat(ada.delete(path).status()).isEqualTo(204);

    assertProblem(ada.get(path), 404, "No library item");
    assertThat(ada.get(api + "/library").json()).isEmpty();
    assertProblem(ada.delete(path), 404, "No library item");
    long versions =
        jdbc.sql("SELECT COUNT(*) FROM library_item_versions WHERE item_id = CAST(:id AS UUID)")
            .param("id", item.get("id").asString())
            .query(Long.class)
            .single();
    assertThat(versions).isEqualTo(2);
  }

  @Test
  void anAdminDeletesAMembersItem() {
    JsonNode item = item(bob, null);

    assertThat(ada.delete(api + "/library/" + item.get("id").asString()).status()).isEqualTo(204);
  }

  @Test
  void thePagesRenameAndDeleteCollectionsAndItems() {
    String collection = collection("Spring");
    String itemId = item(ada, collection).get("id").asString();
    String page = "/workspaces/" + team + "/library";
    assertThat(ada.getPage(page).body())
        .contains("Spring")
        .contains("rename-collection")
        .contains("delete-collection");
    assertThat(cy.getPage(page).body()).contains("Spring").doesNotContain("rename-collection");
    assertThat(ada.getPage(page + "/" + itemId).body()).contains("delete-button");
    assertThat(bob.getPage(page + "/" + itemId).body()).doesNotContain("delete-button");

    assertThat(
            ada.postForm(
                    "/workspaces/" + team + "/collections/" + collection, Map.of("name", "Autumn"))
                .status())
        .isEqualTo(302);
    assertThat(ada.get(api + "/collections").json().get(0).get("name").asString())
        .isEqualTo("Autumn");
    assertThat(
            ada.postForm("/workspaces/" + team + "/collections/" + collection + "/delete", Map.of())
                .status())
        .isEqualTo(302);
    assertThat(ada.get(api + "/collections").json()).isEmpty();

    Response deleted = ada.postForm(page + "/" + itemId + "/delete", Map.of());
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(deleted.header("Location")).endsWith(page + "?deleted");
    assertThat(ada.get(api + "/library/" + itemId).status()).isEqualTo(404);
  }
}
