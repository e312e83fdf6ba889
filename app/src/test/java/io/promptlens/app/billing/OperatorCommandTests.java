package io.promptlens.app.billing;

import static io.promptlens.app.billing.CreditChargeTests.balance;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.PromptLensApplication;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.UserSession;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app as a one-shot operator command (what {@code promptlens credits adjust} runs), against the
 * database of the running test app: the adjustment is a ledger row with its reason, and a debit
 * past what is available is refused with exit code 2.
 */
@BillingIntegration
class OperatorCommandTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  UserSession ada;
  String workspace;

  /** Ada's new team, with the free plan's 10 credits. */
  @BeforeEach
  void aTeamWithTenCredits() {
    ada = UserSession.verified(port, "Ada");
    workspace = team(ada, "Adjusted");
    assertThat(balance(ada, workspace)).isEqualTo(10);
  }

  @Test
  void creditsAdjustAddsCreditsWithALedgerRowCarryingTheReason() {
    int code = adjust(workspace, "25", "goodwill for the outage of 2026-12-04");

    assertThat(code).isZero();
    assertThat(balance(ada, workspace)).isEqualTo(35);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM credit_ledger WHERE workspace_id = :ws AND kind ="
                        + " 'adjustment' AND amount = 25")
                .param("ws", UUID.fromString(workspace))
                .query(String.class)
                .single())
        .isEqualTo("goodwill for the outage of 2026-12-04");
  }

  @Test
  void aDebitPastWhatIsAvailableIsRefusedAndNothingIsWritten() {
    int code = adjust(workspace, "-11", "clawback");

    assertThat(code).isEqualTo(2);
    assertThat(balance(ada, workspace)).isEqualTo(10);
  }

  private int adjust(String workspace, String amount, String reason) {
    var command =
        new SpringApplicationBuilder(PromptLensApplication.class)
            .profiles("test")
            .web(WebApplicationType.NONE)
            .run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username="
                    + environment.getProperty("spring.datasource.username", "sa"),
                "--spring.datasource.password="
                    + environment.getProperty("spring.datasource.password", ""),
                "--spring.flyway.enabled=false",
                "--promptlens.command=credits-adjust",
                "--promptlens.command.workspace=" + workspace,
                "--promptlens.command.amount=" + amount,
                "--promptlens.command.reason=" + reason);
    return SpringApplication.exit(command);
  }
}
