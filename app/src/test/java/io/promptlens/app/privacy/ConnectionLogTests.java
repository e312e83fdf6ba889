package io.promptlens.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Connection logs: each security event of a person with the time, their address (as the trusted
 * proxy reported it) and their browser family, readable by them on their account page and API.
 */
@AppIntegration
class ConnectionLogTests {

  @LocalServerPort int port;
  @Autowired ClientInfo clients;

  @Test
  void signUpAndSignInAreLoggedWithTheForwardedAddressAndTheBrowserFamily() {
    String ip = People.ip();
    UserSession person = People.signedUp(port, ip);

    List<JsonNode> log = log(person);

    assertThat(actions(log)).contains("sign-up", "sign-in");
    JsonNode signIn =
        log.stream().filter(e -> action(e).equals("sign-in")).findFirst().orElseThrow();
    assertThat(signIn.get("ipAddress").asString()).isEqualTo(ip);
    assertThat(signIn.get("browser").asString()).isEqualTo("Firefox");
    assertThat(signIn.get("occurredAt").asString()).isNotBlank();
  }

  @Test
  void aFailedSignInIsLoggedOnTheAccountItWasAgainst() {
    UserSession person = People.signedUp(port, People.ip());
    new UserSession(port)
        .withHeader("X-Forwarded-For", "198.51.100.23")
        .signIn(person.email(), "not the password", false);

    JsonNode failed =
        log(person).stream()
            .filter(e -> action(e).equals("sign-in-failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.get("ipAddress").asString()).isEqualTo("198.51.100.23");
  }

  @Test
  void signOutAndPasswordResetAreLogged() {
    UserSession person = People.signedUp(port, People.ip());
    person.postForm("/sign-out", Map.of());
    person.postForm("/forgot-password", Map.of("email", person.email()));
    String link = TestMail.last(person.email()).link("/reset-password?token=");
    String token = link.substring(link.indexOf("token=") + 6);
    person.postForm(
        "/reset-password",
        Map.of(
            "token",
            java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8),
            "password",
            "another long password"));
    person.signIn(person.email(), "another long password", false);

    assertThat(actions(log(person))).contains("sign-out", "password-reset");
  }

  @Test
  void anApiKeysCreationIsLoggedAndItsUseAtMostOnceAMinute() {
    String ip = People.ip();
    UserSession person = People.signedUp(port, ip);
    String workspace = person.personalWorkspace();
    String key =
        person
            .postJson(
                "/api/v1/workspaces/" + workspace + "/api-keys",
                "{\"name\": \"ci\", \"scope\": \"read\"}")
            .json()
            .get("key")
            .asString();

    for (int i = 0; i < 3; i++) {
      assertThat(
              People.key(port, key, ip)
                  .get("/api/v1/workspaces/" + workspace + "/generations")
                  .status())
          .isEqualTo(200);
    }

    List<String> actions = actions(log(person));
    assertThat(actions).contains("api-key-created");
    assertThat(actions.stream().filter("api-key-used"::equals).count()).isEqualTo(1);
  }

  @Test
  void aRoleChangeIsLoggedForThePersonWhoseRoleChanged() {
    Footprint footprint = Footprint.of(port);
    String teammate = footprint.teammate().userId();

    footprint
        .person()
        .putJson(
            "/api/v1/workspaces/" + footprint.team() + "/members/" + teammate,
            "{\"role\": \"viewer\"}");

    assertThat(actions(log(footprint.teammate()))).contains("role-changed");
  }

  @Test
  void theAccountPageShowsTheirOwnLog() {
    String ip = People.ip();
    UserSession person = People.signedUp(port, ip);

    String page = person.getPage("/account").body();

    assertThat(page).contains("connection-log").contains(ip).contains("sign-in");
  }

  @Test
  void theBrowserFamilyComesFromTheUserAgentParser() {
    assertThat(
            clients.browser(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36"))
        .isEqualTo("Chrome");
    assertThat(clients.browser("curl/8.5.0")).isEqualTo("curl");
    assertThat(clients.browser(null)).isNull();
    assertThat(clients.browser("x".repeat(100_000))).isEqualTo("Other");
  }

  static List<JsonNode> log(UserSession person) {
    List<JsonNode> entries = new ArrayList<>();
    person.get("/api/v1/me/connection-logs").json().forEach(entries::add);
    return entries;
  }

  static List<String> actions(List<JsonNode> log) {
    return log.stream().map(ConnectionLogTests::action).toList();
  }

  private static String action(JsonNode entry) {
    return entry.get("action").asString();
  }
}
