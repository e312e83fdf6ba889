package io.promptlens.app.privacy;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Transparency, rectification, objection and requests by mail: the policy page from configuration,
 * names and email changed by the person, opt-outs, and the operators' view of requests.
 */
@AppIntegration
class RightsPagesTests {

  static final String OPERATOR = "privacy-operator@example.com";

  @LocalServerPort int port;
  @Autowired PrivacyProperties properties;
  @Autowired Choices choices;

  @Test
  void thePolicyPageIsRenderedFromConfiguration() {
    ApiClient.Response page = new UserSession(port).getPage("/privacy");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(properties.contactEmail())
        .contains(properties.dpoEmail())
        .contains(properties.controller().name())
        .contains(properties.transferMechanism().replace("'", "&#39;"))
        .contains("id=\"log-days\">" + properties.connectionLogRetention().toDays() + "<")
        .contains("id=\"grace-days\">" + properties.erasureGrace().toDays() + "<")
        .contains("one month")
        .contains("Access and portability")
        .contains("Rectification")
        .contains("Erasure")
        .contains("Restriction")
        .contains("Objection")
        .contains("images never leave this service");
  }

  @Test
  void theUploadPageSaysBeforeTheUploadThatNoImageLeavesTheServer() {
    UserSession person = People.signedUp(port, People.ip());

    String page = person.getPage("/").body();

    assertThat(page).contains("id=\"provider-notice\"").contains("goes to no other company");
  }

  @Test
  void badInputIsAProblemAndChangesNothing() {
    UserSession person = People.signedUp(port, People.ip());

    assertProblem(person.putJson("/api/v1/me/restriction", "{\"restricted\": \"maybe\"}"), 400, "");
    assertProblem(person.putJson("/api/v1/me/restriction", "not json"), 400, "");
    assertProblem(person.putJson("/api/v1/me/restriction", "{}"), 400, "restricted");
    assertProblem(person.putJson("/api/v1/me/objections", "[]"), 400, "");
    assertProblem(
        person.putJson(
            "/api/v1/me/profile",
            "{\"firstName\": \"" + "x".repeat(101) + "\", \"lastName\": \"Ok\"}"),
        400,
        "first name");
    assertProblem(
        person.postJson(
            "/api/v1/me/email",
            "{\"email\": \"not an address\", \"password\": \"" + UserSession.PASSWORD + "\"}"),
        400,
        "valid email");
    assertProblem(ErasureTests.deleteMe(person, "{\"password\": [1, 2]}"), 400, "");

    var state = person.get("/api/v1/me/privacy").json();
    assertThat(state.get("restricted").asBoolean()).isFalse();
    assertThat(state.get("erasureDueAt").isNull()).isTrue();
  }

  @Test
  void namesChangeAtOnce() {
    UserSession person = People.signedUp(port, People.ip());

    ApiClient.Response renamed =
        person.putJson("/api/v1/me/profile", "{\"firstName\": \"Ada\", \"lastName\": \"King\"}");

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(person.getPage("/account").body())
        .contains("value=\"Ada\"")
        .contains("value=\"King\"");
    assertProblem(
        person.putJson("/api/v1/me/profile", "{\"firstName\": \" \"}"), 400, "first name");
  }

  @Test
  void anEmailChangesOnlyWhenTheNewAddressConfirmsAndTheOldOneIsTold() {
    UserSession person = People.signedUp(port, People.ip());
    String old = person.email();
    String fresh = "moved-" + UUID.randomUUID() + "@example.com";

    ApiClient.Response asked =
        person.postJson(
            "/api/v1/me/email",
            "{\"email\": \"" + fresh + "\", \"password\": \"" + UserSession.PASSWORD + "\"}");

    assertThat(asked.status()).isEqualTo(202);
    assertThat(person.get("/api/v1/me").json().get("email").asString()).isEqualTo(old);
    String link = TestMail.last(fresh).link("/confirm-email?token=");
    assertThat(new UserSession(port).get(link).status()).isEqualTo(200);
    assertThat(TestMail.last(old).subject()).contains("email was changed");
    UserSession again = new UserSession(port);
    assertThat(again.signIn(fresh, UserSession.PASSWORD, false).header("Location"))
        .doesNotContain("error");
    assertThat(again.get("/api/v1/me").json().get("email").asString()).isEqualTo(fresh);
    assertThat(new UserSession(port).get(link).body()).contains("does not work");
  }

  @Test
  void anEmailChangeNeedsThePassword() {
    UserSession person = People.signedUp(port, People.ip());

    assertProblem(
        person.postJson(
            "/api/v1/me/email",
            "{\"email\": \"x-" + UUID.randomUUID() + "@example.com\", \"password\": \"no\"}"),
        403,
        "password");
  }

  @Test
  void objectionsAreKeptPerPersonAndStopProductMail() {
    UserSession person = People.signedUp(port, People.ip());
    UUID id = UUID.fromString(person.userId());
    assertThat(choices.mayMailProductNews(id)).isTrue();

    ApiClient.Response saved =
        person.putJson("/api/v1/me/objections", "{\"productEmailOptOut\": true}");

    assertThat(saved.json().get("productEmailOptOut").asBoolean()).isTrue();
    assertThat(saved.json().get("analyticsOptOut").asBoolean()).isFalse();
    assertThat(choices.mayMailProductNews(id)).isFalse();
    person.putJson("/api/v1/me/objections", "{\"productEmailOptOut\": false}");
    assertThat(choices.mayMailProductNews(id)).isTrue();
    RestrictionTests.restrict(person, true);
    assertThat(choices.mayMailProductNews(id)).as("a restricted account gets none").isFalse();
  }

  @Test
  void operatorsSeeRequestsByMailWithTheirOneMonthDeadline() throws InterruptedException {
    UserSession operator = new UserSession(port);
    long mails = TestMail.count(OPERATOR);
    operator.signUp("Olga", "Operator", OPERATOR, UserSession.PASSWORD);
    // The H2 and PostgreSQL runs share the operator's address (and the mail server): wait for
    // this run's verification mail.
    long deadline = System.currentTimeMillis() + 10_000;
    while (TestMail.count(OPERATOR) == mails && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    operator.get(TestMail.last(OPERATOR).link("/verify?token="));
    operator.signIn(OPERATOR, UserSession.PASSWORD, false);
    String requester = "asker-" + UUID.randomUUID() + "@example.com";

    ApiClient.Response recorded =
        operator.postForm(
            "/privacy/requests", Map.of("email", requester, "kind", "erasure", "note", "by post"));

    assertThat(recorded.status()).isEqualTo(302);
    String page = operator.getPage("/privacy/requests").body();
    String due = Instant.now().atOffset(ZoneOffset.UTC).plusMonths(1).toLocalDate().toString();
    assertThat(page).contains(requester).contains("erasure").contains(due).contains("open");
    UserSession someone = People.signedUp(port, People.ip());
    assertThat(someone.getPage("/privacy/requests").status()).isEqualTo(403);
  }
}
