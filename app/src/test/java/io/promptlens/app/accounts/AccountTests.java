package io.promptlens.app.accounts;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up, verification, sign-in, throttling, sessions, remember-me, reset: over real HTTP. */
@AppIntegration
class AccountTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static String freshEmail() {
    return "person-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void signUpMailsAVerificationLinkAndSignInWaitsForIt() {
    UserSession session = new UserSession(port);
    String email = freshEmail();

    Response signUp = session.signUp("Ada", "Lovelace", email, UserSession.PASSWORD);

    assertThat(signUp.status()).isEqualTo(302);
    assertThat(signUp.header("Location")).endsWith("/check-email");
    TestMail.Mail mail = TestMail.last(email);
    assertThat(mail.subject()).contains("Verify your email");
    assertThat(session.signIn(email, UserSession.PASSWORD, false).header("Location"))
        .endsWith("/sign-in?unverified");

    assertThat(session.getPage(mail.link("/verify?token=")).body()).contains("Email verified");
    assertThat(session.signIn(email, UserSession.PASSWORD, false).header("Location"))
        .doesNotContain("/sign-in");
    Response me = session.get("/api/v1/me");
    assertThat(me.json().has("email")).as(me.body()).isTrue();
    assertThat(me.json().get("email").asString()).isEqualTo(email);
  }

  @Test
  void aVerificationLinkWorksOnce() {
    UserSession session = new UserSession(port);
    String email = freshEmail();
    session.signUp("Ada", "Lovelace", email, UserSession.PASSWORD);
    String link = TestMail.last(email).link("/verify?token=");

    assertThat(session.getPage(link).body()).contains("Email verified");
    assertThat(session.getPage(link).body()).contains("This link does not work");
  }

  @Test
  void signUpGetsAPersonalWorkspaceOwnedByTheNewUser() {
    UserSession ada = UserSession.verified(port, "Ada");

    var workspaces = ada.get("/api/v1/workspaces").json();

    assertThat(workspaces).hasSize(1);
    assertThat(workspaces.get(0).get("name").asString()).isEqualTo("Ada's workspace");
    assertThat(workspaces.get(0).get("personal").asBoolean()).isTrue();
    assertThat(workspaces.get(0).get("role").asString()).isEqualTo("owner");
  }

  @Test
  void aTakenEmailGetsTheSameAnswerAndItsOwnerIsToldByMail() {
    UserSession ada = UserSession.verified(port, "Ada");
    long users = count("users");

    Response again =
        new UserSession(port).signUp("Eve", "Intruder", ada.email(), "another password!");

    assertThat(again.status()).isEqualTo(302);
    assertThat(again.header("Location")).endsWith("/check-email");
    assertThat(count("users")).isEqualTo(users);
    assertThat(TestMail.last(ada.email()).subject()).contains("tried to sign up");
  }

  @Test
  void resetRequestsCannotFloodAnInbox() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession stranger = new UserSession(port);

    for (int i = 0; i < 8; i++) {
      Response response = stranger.postForm("/forgot-password", Map.of("email", ada.email()));
      assertThat(response.header("Location")).endsWith("/check-email");
    }

    // One verification mail at sign-up, then resets up to five mails in the hour.
    assertThat(TestMail.count(ada.email())).isEqualTo(AccountService.MAILS_PER_HOUR);
  }

  @Test
  void aBadSignUpShowsEveryProblemAndStoresNothing() {
    long users = count("users");

    Response response =
        new UserSession(port)
            .postForm(
                "/sign-up",
                Map.of("firstName", " ", "lastName", "L", "email", "nope", "password", "short"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("First name is required.")
        .contains("Enter an email address like name@example.com.")
        .contains("at least 10 characters");
    assertThat(count("users")).isEqualTo(users);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    UserSession ada = UserSession.verified(port, "Ada");

    Response wrong = new UserSession(port).signIn(ada.email(), "not the password", false);
    Response unknown = new UserSession(port).signIn(freshEmail(), "not the password", false);

    assertThat(wrong.header("Location")).endsWith("/sign-in?error");
    assertThat(unknown.header("Location")).isEqualTo(wrong.header("Location"));
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedForKnownAndUnknownEmails() {
    UserSession ada = UserSession.verified(port, "Ada");
    String unknown = freshEmail();
    for (int i = 0; i < 5; i++) {
      new UserSession(port).signIn(ada.email(), "wrong " + i, false);
      new UserSession(port).signIn(unknown, "wrong " + i, false);
    }

    Response right = new UserSession(port).signIn(ada.email(), UserSession.PASSWORD, false);
    Response stranger = new UserSession(port).signIn(unknown, UserSession.PASSWORD, false);

    assertThat(right.header("Location")).endsWith("/sign-in?throttled");
    assertThat(stranger.header("Location")).endsWith("/sign-in?throttled");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM sign_in_attempts WHERE email = :email")
                .param("email", ada.email())
                .query(Long.class)
                .single())
        .as("attempts are kept in the database, shared by every instance")
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void anonymousVisitsWriteNoSessionAndSignInStartsOneInTheDatabase() {
    UserSession ada = UserSession.verified(port, "Ada");
    ada.postForm("/sign-out", Map.of());
    long sessions = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    for (int i = 0; i < 5; i++) {
      new UserSession(port).getPage("/history");
      new ApiClient(port).get("/api/v1/me");
    }
    ada.getPage("/history");
    assertThat(ada.cookie("SESSION")).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single())
        .as("anonymous requests to protected URLs store nothing")
        .isLessThanOrEqualTo(sessions);

    Response signedIn = ada.signIn(ada.email(), UserSession.PASSWORD, false);

    assertThat(signedIn.header("Location")).as("back to the page asked for").endsWith("/history");
    assertThat(ada.cookie("SESSION")).isNotNull();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :id")
                .param("id", ada.userId())
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void aReplayedRememberMeCookieSignsNobodyInAndIsNoServerError() {
    UserSession ada = UserSession.verified(port, "Ada");
    ada.signIn(ada.email(), UserSession.PASSWORD, true);
    String stolen = ada.cookie("remember-me");
    ada.forgetCookie("SESSION");
    assertThat(ada.get("/api/v1/me").status()).isEqualTo(200); // rotates the token

    Response replayed = new ApiClient(port).withCookie("remember-me=" + stolen).get("/api/v1/me");

    assertThat(replayed.status()).isEqualTo(401);
  }

  @Test
  void aNewlineInANameIsRefused() {
    Response response =
        new UserSession(port)
            .signUp("Ada\nINFO forged log line", "L", freshEmail(), "long enough pw");

    assertThat(response.body()).contains("cannot contain line breaks");
  }

  @Test
  void anOlderResetLinkDiesWhenANewerOneIsUsed() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession stranger = new UserSession(port);
    stranger.postForm("/forgot-password", Map.of("email", ada.email()));
    String older = TestMail.last(ada.email()).link("/reset-password?token=");
    stranger.postForm("/forgot-password", Map.of("email", ada.email()));
    String newer = TestMail.last(ada.email()).link("/reset-password?token=");
    assertThat(newer).isNotEqualTo(older);

    stranger.postForm(
        "/reset-password", Map.of("token", token(newer), "password", "a brand new password"));
    Response late =
        stranger.postForm(
            "/reset-password", Map.of("token", token(older), "password", "the attacker's one"));

    assertThat(late.body()).contains("This link does not work");
    assertThat(
            new UserSession(port)
                .signIn(ada.email(), "a brand new password", false)
                .header("Location"))
        .doesNotContain("/sign-in");
  }

  static String token(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  @Test
  void signOutEndsTheSession() {
    UserSession ada = UserSession.verified(port, "Ada");

    ada.postForm("/sign-out", Map.of());

    assertProblem(ada.get("/api/v1/me"), 401, "sign in");
  }

  @Test
  void rememberMeSignsInAgainWithoutTheSession() {
    UserSession ada = UserSession.verified(port, "Ada");
    ada.signIn(ada.email(), UserSession.PASSWORD, true);
    assertThat(ada.cookie("remember-me")).isNotNull();

    ada.forgetCookie("SESSION");

    assertThat(ada.get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void aPasswordResetLinkSetsANewPasswordOnceAndSignsOutEverywhere() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession stranger = new UserSession(port);
    Response unknown = stranger.postForm("/forgot-password", Map.of("email", freshEmail()));
    Response known = stranger.postForm("/forgot-password", Map.of("email", ada.email()));
    assertThat(known.header("Location")).isEqualTo(unknown.header("Location"));
    String link = TestMail.last(ada.email()).link("/reset-password?token=");
    String token = link.substring(link.indexOf("token=") + "token=".length());

    Response reset =
        stranger.postForm(
            "/reset-password", Map.of("token", token, "password", "a brand new password"));

    assertThat(reset.header("Location")).endsWith("/sign-in?reset");
    assertProblem(ada.get("/api/v1/me"), 401, "sign in");
    assertThat(
            new UserSession(port)
                .signIn(ada.email(), "a brand new password", false)
                .header("Location"))
        .doesNotContain("/sign-in");
    assertThat(
            stranger
                .postForm("/reset-password", Map.of("token", token, "password", "yet another one!"))
                .body())
        .contains("This link does not work");
  }

  @Test
  void aSignedInApiCallWithoutTheCsrfTokenIsRefused() {
    UserSession ada = UserSession.verified(port, "Ada");
    ApiClient.Response response =
        new ApiClient(port)
            .withCookie("SESSION=" + ada.cookie("SESSION"))
            .postJson("/api/v1/workspaces", "{\"name\": \"Forged\"}");

    assertProblem(response, 403, "CSRF");
  }

  @Test
  void aSignedOutVisitorOfAPageIsSentToSignIn() {
    Response response = new ApiClient(port).get("/history");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).endsWith("/sign-in");
  }

  @Test
  void anonymousCallsToAccountEndpointsAre401Problems() {
    assertProblem(new ApiClient(port).get("/api/v1/workspaces"), 401, "sign in");
  }

  @Test
  void signedInAnUnknownPathIsA404Problem() {
    assertProblem(
        UserSession.verified(port, "Ada").get("/api/v1/nothing-here"), 404, "does not exist");
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
