package io.promptlens.app.privacy;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The right to erasure: {@code DELETE /api/v1/me} with the password, a grace period that signing in
 * cancels, then nothing left that names the person, on H2 and (in the subclass) PostgreSQL.
 */
@AppIntegration
class ErasureTests {

  static final String PASSWORD_BODY = "{\"password\": \"" + UserSession.PASSWORD + "\"}";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired PrivacyRetention retention;

  @Test
  void afterTheGracePeriodNoTextColumnOfAnyTableHoldsTheirEmailNamesOrAddress() {
    Footprint footprint = Footprint.of(port);
    UserSession person = footprint.person();
    String[] names = People.names(person);
    transfer(footprint);

    assertThat(deleteMe(person, PASSWORD_BODY).status()).isEqualTo(202);
    assertThat(find(person.email(), names, footprint.ip())).as("before the erasure").isNotEmpty();
    retention.runAt(Instant.now().plus(Duration.ofDays(8)));

    assertThat(find(person.email(), names, footprint.ip())).isEmpty();
    assertThat(TestMail.last(person.email()).subject()).contains("is deleted");
  }

  @Test
  void theirTeamGenerationsStayWithTheTeamAndNameNobody() {
    Footprint footprint = Footprint.of(port);
    String[] names = People.names(footprint.person());
    transfer(footprint);
    deleteMe(footprint.person(), PASSWORD_BODY);

    retention.runAt(Instant.now().plus(Duration.ofDays(8)));

    ApiClient.Response history =
        footprint.teammate().get("/api/v1/workspaces/" + footprint.team() + "/generations");
    assertThat(history.status()).isEqualTo(200);
    List<String> authors = new ArrayList<>();
    for (JsonNode item : history.json()) {
      authors.add(item.get("createdByName").asString());
    }
    assertThat(authors).contains("Former member");
    assertThat(history.body()).doesNotContain(names[0]).doesNotContain(names[1]);
    assertThat(
            footprint
                .teammate()
                .get(
                    "/api/v1/workspaces/"
                        + footprint.team()
                        + "/generations/"
                        + footprint.teamGeneration())
                .status())
        .isEqualTo(200);
  }

  @Test
  void sessionsRememberMeTokensAndApiKeysDieAtOnce() {
    Footprint footprint = Footprint.of(port);
    transfer(footprint);
    UserSession person = footprint.person();

    assertThat(deleteMe(person, PASSWORD_BODY).status()).isEqualTo(202);

    assertThat(person.get("/api/v1/me").status()).isEqualTo(401);
    assertThat(
            People.key(port, footprint.key(), footprint.ip())
                .get("/api/v1/workspaces/" + footprint.personal() + "/generations")
                .status())
        .isEqualTo(401);
  }

  @Test
  void signingInDuringTheGracePeriodCancelsTheErasure() {
    UserSession person = People.signedUp(port, People.ip());
    String userId = person.userId();
    deleteMe(person, PASSWORD_BODY);

    person.signIn(person.email(), UserSession.PASSWORD, false);
    retention.runAt(Instant.now().plus(Duration.ofDays(8)));

    assertThat(person.get("/api/v1/me").json().get("id").asString()).isEqualTo(userId);
    assertThat(person.get("/api/v1/me/privacy").json().get("erasureDueAt").isNull()).isTrue();
    assertThat(person.get("/api/v1/me/connection-logs").body()).contains("erasure-cancelled");
  }

  @Test
  void nothingIsErasedBeforeTheGracePeriodEnds() {
    UserSession person = People.signedUp(port, People.ip());
    String email = person.email();
    deleteMe(person, PASSWORD_BODY);

    retention.runAt(Instant.now().plus(Duration.ofDays(6)));

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aWrongOrMissingPasswordChangesNothing() {
    UserSession person = People.signedUp(port, People.ip());

    assertProblem(deleteMe(person, "{\"password\": \"wrong password\"}"), 403, "password");
    assertProblem(deleteMe(person, "{}"), 400, "password");
    assertThat(person.get("/api/v1/me/privacy").json().get("erasureDueAt").isNull()).isTrue();
  }

  @Test
  void anOwnerOfATeamIsToldWhichTeamsToTransferFirst() {
    Footprint footprint = Footprint.of(port);

    ApiClient.Response refused = deleteMe(footprint.person(), PASSWORD_BODY);

    assertProblem(refused, 409, "transfer");
    assertThat(refused.json().get("workspaces").get(0).get("id").asString())
        .isEqualTo(footprint.team());
    assertThat(footprint.person().get("/api/v1/me").status()).isEqualTo(200);
  }

  /** The footprint's person owns a team; it passes to the teammate so the account can go. */
  static void transfer(Footprint footprint) {
    ApiClient.Response transferred =
        footprint
            .person()
            .postJson(
                "/api/v1/workspaces/" + footprint.team() + "/transfer",
                "{\"userId\": \"" + footprint.teammate().userId() + "\"}");
    assertThat(transferred.status()).as(transferred.body()).isIn(200, 204);
  }

  static ApiClient.Response deleteMe(UserSession person, String body) {
    return person.sendJson("/api/v1/me", "DELETE", body);
  }

  /** "table.column" of every text value containing any of the needles (case-insensitive). */
  List<String> find(String email, String[] names, String ip) {
    List<String> needles =
        List.of(
            email.toLowerCase(Locale.ROOT),
            names[0].toLowerCase(Locale.ROOT),
            names[1].toLowerCase(Locale.ROOT),
            ip);
    List<String> found = new ArrayList<>();
    LiveSchema schema = LiveSchema.read(dataSource);
    for (Map.Entry<String, Map<String, Boolean>> table : schema.columns().entrySet()) {
      for (Map.Entry<String, Boolean> column : table.getValue().entrySet()) {
        if (!column.getValue()) {
          continue;
        }
        for (String needle : needles) {
          long rows =
              jdbc.sql(
                      "SELECT COUNT(*) FROM "
                          + schema.sql(table.getKey())
                          + " WHERE LOWER("
                          + schema.sql(table.getKey() + "." + column.getKey())
                          + ") LIKE :needle")
                  .param("needle", "%" + needle + "%")
                  .query(Long.class)
                  .single();
          if (rows > 0) {
            found.add(table.getKey() + "." + column.getKey() + " holds " + needle);
          }
        }
      }
    }
    return found;
  }
}
