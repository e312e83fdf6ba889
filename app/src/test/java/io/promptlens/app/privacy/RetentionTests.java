package io.promptlens.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention periods, by moving the clock the jobs run at ({@link PrivacyRetention#runAt}) past
 * each one: what is past its period is gone, what is not stays.
 */
@AppIntegration
class RetentionTests {

  @LocalServerPort int port;
  @Autowired PrivacyRetention retention;
  @Autowired JdbcClient jdbc;

  @Test
  void connectionLogsStayTheirNinetyDaysThenGo() {
    UserSession person = People.signedUp(port, People.ip());
    UUID id = UUID.fromString(person.userId());

    retention.runAt(Instant.now().plus(Duration.ofDays(89)));
    assertThat(logs(id)).isPositive();

    retention.runAt(Instant.now().plus(Duration.ofDays(91)));
    assertThat(logs(id)).isZero();
    assertThat(exists("users", id)).as("the account itself stays").isTrue();
  }

  @Test
  void anonymousAnalysesAndGenerationsGoAfterThirtyDaysAndWorkspaceOnesStay() {
    var anonymous = new ApiClient(port).postImage("/api/v1/prompts", TestImages.png(40, 30)).json();
    UUID generation = UUID.fromString(anonymous.get("id").asString());
    UUID analysis = UUID.fromString(anonymous.get("analysisId").asString());
    UserSession person = People.signedUp(port, People.ip());
    var kept =
        person
            .postImage(
                "/api/v1/workspaces/" + person.personalWorkspace() + "/prompts",
                TestImages.png(40, 30),
                ApiClient.fields())
            .json();

    retention.runAt(Instant.now().plus(Duration.ofDays(29)));
    assertThat(exists("generations", generation)).isTrue();

    retention.runAt(Instant.now().plus(Duration.ofDays(31)));
    assertThat(exists("generations", generation)).isFalse();
    assertThat(exists("analyses", analysis)).isFalse();
    assertThat(exists("generations", UUID.fromString(kept.get("id").asString()))).isTrue();
    assertThat(exists("analyses", UUID.fromString(kept.get("analysisId").asString()))).isTrue();
  }

  @Test
  void theTombstoneOfAnErasedAccountIsPurgedThreeYearsLaterWhenNothingPointsAtIt() {
    UserSession person = People.signedUp(port, People.ip());
    List<UUID> before = tombstones();
    ErasureTests.deleteMe(person, ErasureTests.PASSWORD_BODY);
    retention.runAt(Instant.now().plus(Duration.ofDays(8)));
    List<UUID> created = tombstones().stream().filter(t -> !before.contains(t)).toList();
    assertThat(created).hasSize(1);

    retention.runAt(Instant.now().plus(Duration.ofDays(1090)));
    assertThat(exists("users", created.get(0))).as("within three years").isTrue();

    retention.runAt(Instant.now().plus(Duration.ofDays(1100)));
    assertThat(exists("users", created.get(0))).isFalse();
  }

  @Test
  void aTombstoneThatTeamContentStillPointsAtStays() {
    Footprint footprint = Footprint.of(port);
    ErasureTests.transfer(footprint);
    ErasureTests.deleteMe(footprint.person(), ErasureTests.PASSWORD_BODY);
    retention.runAt(Instant.now().plus(Duration.ofDays(8)));
    UUID tombstone =
        jdbc.sql("SELECT created_by FROM generations WHERE id = :id")
            .param("id", UUID.fromString(footprint.teamGeneration()))
            .query(UUID.class)
            .single();

    retention.runAt(Instant.now().plus(Duration.ofDays(1100)));

    assertThat(exists("users", tombstone)).isTrue();
    assertThat(
            jdbc.sql("SELECT first_name || ' ' || last_name FROM users WHERE id = :id")
                .param("id", tombstone)
                .query(String.class)
                .single())
        .isEqualTo("Former member");
  }

  @Test
  void anUnusedExportLinkExpires() {
    UserSession person = People.signedUp(port, People.ip());
    UUID id = UUID.fromString(person.userId());
    person.get("/api/v1/me/export?delivery=mail");
    ExportTests.waitForMail(person.email(), "export is ready");
    assertThat(rows("export_downloads", id)).isEqualTo(1);

    retention.runAt(Instant.now().plus(Duration.ofDays(8)));

    assertThat(rows("export_downloads", id)).isZero();
  }

  private long logs(UUID user) {
    return rows("connection_logs", user);
  }

  private long rows(String table, UUID user) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = :user")
        .param("user", user)
        .query(Long.class)
        .single();
  }

  private boolean exists(String table, UUID id) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  private List<UUID> tombstones() {
    return jdbc.sql("SELECT id FROM users WHERE closed_at IS NOT NULL").query(UUID.class).list();
  }
}
