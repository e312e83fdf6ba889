package io.promptlens.app.billing;

import static io.promptlens.app.support.Problems.assertProblem;
import static io.promptlens.app.support.Teams.join;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Credits used per member per day, recent entries and the CSV export, from the ledger. */
@BillingIntegration
class UsageTests {

  @LocalServerPort int port;
  UserSession ada;
  UserSession bob;
  String workspace;
  String today;

  @BeforeEach
  void twoMembersUseCredits() {
    ada = UserSession.verified(port, "Ada");
    bob = UserSession.verified(port, "Bob");
    workspace = team(ada, "Usage");
    join(ada, workspace, bob, "member");
    for (UserSession member : new UserSession[] {ada, ada, bob}) {
      Response analysis = member.analyze(workspace, TestImages.png(32, 24));
      assertThat(analysis.status()).as(analysis.body()).isEqualTo(201);
    }
    today = LocalDate.now(ZoneOffset.UTC).toString();
  }

  @Test
  void theUsageApiCountsCreditsPerMemberPerDay() {
    Response usage =
        bob.get("/api/v1/workspaces/" + workspace + "/usage?from=" + today + "&to=" + today);

    assertThat(usage.status()).as(usage.body()).isEqualTo(200);
    assertThat(usage.json().get("used").asLong()).isEqualTo(3);
    Map<String, Long> perMember = new java.util.TreeMap<>();
    for (JsonNode day : usage.json().get("perMemberPerDay")) {
      assertThat(day.get("day").asString()).isEqualTo(today);
      perMember.put(day.get("member").asString(), day.get("credits").asLong());
    }
    assertThat(perMember).isEqualTo(Map.of("Ada Tester", 2L, "Bob Tester", 1L));
    assertThat(usage.json().get("entries")).hasSize(4); // the grant and three charges
  }

  @Test
  void theCsvHasOneRowPerLedgerEntry() {
    Response csv = ada.get("/api/v1/workspaces/" + workspace + "/usage?format=csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo("time,kind,amount,member_id,member,api_key_id,operation,operation_id,reason");
    assertThat(lines).hasSize(5);
    assertThat(csv.body()).contains(",usage,-1," + bob.userId() + ",Bob Tester,,analysis,");
  }

  @Test
  void theUsagePageDrawsTheChartOnTheServer() {
    Response page = ada.getPage("/workspaces/" + workspace + "/usage");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<svg id=\"usage-chart\"")
        .contains("Bob Tester</text>")
        .contains("id=\"credits-used\">3<");
  }

  @Test
  void aMalformedDateIsABadRequest() {
    assertProblem(
        ada.get("/api/v1/workspaces/" + workspace + "/usage?from=yesterday"), 400, "a date like");
  }
}
