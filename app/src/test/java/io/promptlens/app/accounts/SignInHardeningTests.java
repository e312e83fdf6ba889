package io.promptlens.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in as an attacker tries it: in parallel, and under another name for the same account. */
@AppIntegration
class SignInHardeningTests {

  @LocalServerPort int port;

  @Test
  void thirtyParallelWrongPasswordsGetAtMostFiveChecks() throws Exception {
    UserSession ada = UserSession.verified(port, "Ada");
    List<UserSession> attackers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      UserSession attacker = new UserSession(port);
      attacker.getPage("/sign-in"); // session and CSRF token before the race starts
      attackers.add(attacker);
    }
    ExecutorService pool = Executors.newFixedThreadPool(30);
    List<Future<String>> answers = new ArrayList<>();
    try {
      for (UserSession attacker : attackers) {
        Callable<String> guess =
            () ->
                attacker
                    .signIn(ada.email(), "guess " + attacker.hashCode(), false)
                    .header("Location");
        answers.add(pool.submit(guess));
      }
      int checked = 0;
      for (Future<String> answer : answers) {
        if (answer.get().endsWith("/sign-in?error")) {
          checked++;
        }
      }
      assertThat(checked).as("guesses that reached the password check").isLessThanOrEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theUserIdIsNoSignInName() {
    UserSession ada = UserSession.verified(port, "Ada");

    String answer =
        new UserSession(port).signIn(ada.userId(), UserSession.PASSWORD, false).header("Location");

    assertThat(answer).endsWith("/sign-in?error");
  }
}
