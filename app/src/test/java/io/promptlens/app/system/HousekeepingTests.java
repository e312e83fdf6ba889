package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.accounts.AccountHousekeeping;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.workspaces.RateWindowHousekeeping;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows that only matter for a while are pruned; fresh ones stay. */
@AppIntegration
class HousekeepingTests {

  @Autowired JdbcClient jdbc;
  @Autowired AccountHousekeeping accounts;
  @Autowired IdempotencyHousekeeping idempotency;
  @Autowired RateWindowHousekeeping rateWindows;

  @Test
  void oldSignInAttemptsGoAndRecentOnesStay() {
    String email = "old-" + UUID.randomUUID() + "@example.com";
    attempt(email, OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
    attempt(email, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));

    accounts.prune();

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM sign_in_attempts WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void expiredIdempotencyRecordsGo() {
    String caller = "test-" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO idempotency_records (caller, idempotency_key, request_hash, status,"
                + " created_at) VALUES (:caller, 'k', :hash, 201, :at)")
        .param("caller", caller)
        .param("hash", "0".repeat(64))
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(25))
        .update();

    assertThat(idempotency.prune()).isPositive();
    assertThat(rateWindows.prune()).isNotNegative();
  }

  private void attempt(String email, OffsetDateTime at) {
    jdbc.sql(
            "INSERT INTO sign_in_attempts (id, email, succeeded, attempted_at)"
                + " VALUES (:id, :email, FALSE, :at)")
        .param("id", UUID.randomUUID())
        .param("email", email)
        .param("at", at)
        .update();
  }
}
