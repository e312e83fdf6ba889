package io.promptlens.app.privacy;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The right of access and to portability: {@code GET /api/v1/me/export} and the mailed link. */
@AppIntegration
class ExportTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void theExportHoldsEveryTableThatReferencesAPersonOrWorkspaceWithAllOfTheirRows() {
    Footprint footprint = Footprint.of(port);
    String userId = footprint.person().userId();
    LiveSchema schema = LiveSchema.read(dataSource);
    Map<String, Long> naming = new java.util.TreeMap<>();
    for (String table : schema.tablesReferencingAPersonOrWorkspace()) {
      for (String column : LiveSchema.foreignKeyColumns(dataSource, table, "users")) {
        naming.put(
            table + "." + column,
            jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :user")
                .param("user", java.util.UUID.fromString(userId))
                .query(Long.class)
                .single());
      }
    }

    Map<String, String> zip = export(footprint.person());

    JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
    for (String table : schema.tablesReferencingAPersonOrWorkspace()) {
      assertThat(zip).as("the export leaves out " + table).containsKey(table + ".json");
      assertThat(zip).containsKey(table + ".csv");
    }
    naming.forEach(
        (column, theirs) ->
            assertThat(
                    manifest.get("tables").get(column.substring(0, column.indexOf('.'))).asLong())
                .as(column + ": every row naming the person is exported")
                .isGreaterThanOrEqualTo(theirs));
    for (String table :
        Set.of(
            "users",
            "memberships",
            "workspaces",
            "generations",
            "analyses",
            "library_items",
            "library_item_versions",
            "library_item_tags",
            "library_favourites",
            "library_collections",
            "style_presets",
            "api_keys",
            "idempotency_records",
            "invitations",
            "connection_logs")) {
      assertThat(manifest.get("tables").get(table).asLong()).as(table).isPositive();
    }
  }

  @Test
  void theExportIsMachineReadableAndHoldsNoSecret() {
    Footprint footprint = Footprint.of(port);

    Map<String, String> zip = export(footprint.person());

    JsonNode user = JSON.readTree(zip.get("users.json")).get(0);
    assertThat(user.get("email").asString()).isEqualTo(footprint.person().email());
    assertThat(user.has("password_hash")).isFalse();
    assertThat(user.has("product_email_opt_out")).as("consents are in").isTrue();
    JsonNode key = JSON.readTree(zip.get("api_keys.json")).get(0);
    assertThat(key.has("key_hash")).isFalse();
    assertThat(zip.values()).noneMatch(text -> text.contains(footprint.key()));
    assertThat(zip.get("users.csv").lines().findFirst().orElseThrow()).contains("email");
    assertThat(zip.get("connection_logs.json")).contains("sign-in").contains(footprint.ip());
    assertThat(zip.get("generations.json")).contains("\"prompt\"");
  }

  @Test
  void eachExportIsWrittenToTheConnectionLog() {
    UserSession person = People.signedUp(port, People.ip());

    export(person);

    assertThat(person.get("/api/v1/me/connection-logs").body()).contains("\"export\"");
  }

  @Test
  void anExportAskedForByMailComesAsAOneTimeLinkForThatPersonOnly() {
    UserSession person = People.signedUp(port, People.ip());

    var accepted = person.get("/api/v1/me/export?delivery=mail");

    assertThat(accepted.status()).isEqualTo(202);
    String link = waitForMail(person.email(), "export is ready").link("/account/exports/");
    String path = link.substring(link.indexOf("/account/exports/"));
    UserSession stranger = People.signedUp(port, People.ip());
    assertThat(stranger.getBytes(path).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> download = person.getBytes(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(People.unzip(download.body())).containsKey("users.json");
    assertThat(person.getBytes(path).statusCode()).as("the link works once").isEqualTo(404);
  }

  @Test
  void anApiKeyCannotExportAnyone() {
    Footprint footprint = Footprint.of(port);

    assertProblem(
        People.key(port, footprint.key(), footprint.ip()).get("/api/v1/me/export"),
        403,
        "API keys");
  }

  @Test
  void csvFieldsWithCommasQuotesAndLineBreaksAreQuoted() {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("prompt", "a fox, \"red\"\nin snow");
    row.put("tokens", 7);
    row.put("negative_prompt", null);

    String csv =
        new String(DataExport.csv(java.util.List.of(row)), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(csv)
        .isEqualTo("prompt,tokens,negative_prompt\r\n\"a fox, \"\"red\"\"\nin snow\",7,\r\n");
  }

  static Map<String, String> export(UserSession person) {
    HttpResponse<byte[]> response = person.getBytes("/api/v1/me/export");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    return People.unzip(response.body());
  }

  static TestMail.Mail waitForMail(String address, String subjectPart) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      var found =
          TestMail.to(address).stream().filter(m -> m.subject().contains(subjectPart)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no mail '" + subjectPart + "' for " + address);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
