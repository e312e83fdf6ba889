package io.promptlens.app.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of credits: the append-only ledger, the cached balance and the reservations. Every change
 * of a workspace's credits happens with its balance row locked ({@link #lock}, {@code SELECT ...
 * FOR UPDATE}) inside the caller's transaction, so concurrent charges of one workspace queue on
 * that row and none can spend what another has reserved; the table's CHECK constraints refuse an
 * overdraft even if a bug tried one. Callers own the transaction ({@link Credits}).
 */
@Repository
class CreditLedger {

  /** The cached balance: {@code balance} is the ledger's sum; {@code reserved} is held. */
  record Balance(long balance, long reserved, long monthlyRemaining) {
    long available() {
      return balance - reserved;
    }
  }

  /** One ledger row to append; who and what caused it are columns. */
  record Entry(
      UUID workspaceId,
      String kind,
      long amount,
      @Nullable UUID userId,
      @Nullable UUID apiKeyId,
      @Nullable String operation,
      @Nullable String operationId,
      String reason,
      @Nullable String dedupeKey) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CreditLedger(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * Creates the balance row if the workspace has none yet. Outside any transaction on purpose: a
   * duplicate key aborts a PostgreSQL transaction, and two first charges may race here.
   */
  void ensureBalanceRow(UUID workspaceId) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM credit_balances WHERE workspace_id = :ws")
                .param("ws", workspaceId)
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      try {
        jdbc.sql(
                """
                INSERT INTO credit_balances (workspace_id, balance, reserved, monthly_remaining,
                    updated_at)
                VALUES (:ws, 0, 0, 0, :now)
                """)
            .param("ws", workspaceId)
            .param("now", at(now()))
            .update();
      } catch (DuplicateKeyException raced) {
        // another request created it first
      }
    }
  }

  /** Locks the workspace's balance row until the transaction ends and reads it. */
  Balance lock(UUID workspaceId) {
    return jdbc.sql(
            """
            SELECT balance, reserved, monthly_remaining FROM credit_balances
            WHERE workspace_id = :ws FOR UPDATE
            """)
        .param("ws", workspaceId)
        .query(CreditLedger::balanceOf)
        .single();
  }

  Optional<Balance> balance(UUID workspaceId) {
    return jdbc.sql(
            "SELECT balance, reserved, monthly_remaining FROM credit_balances WHERE workspace_id ="
                + " :ws")
        .param("ws", workspaceId)
        .query(CreditLedger::balanceOf)
        .optional();
  }

  private static Balance balanceOf(ResultSet row, int rowNum) throws SQLException {
    return new Balance(
        row.getLong("balance"), row.getLong("reserved"), row.getLong("monthly_remaining"));
  }

  /** The ledger's own sum, to check the cached balance against. */
  long ledgerSum(UUID workspaceId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE workspace_id = :ws")
        .param("ws", workspaceId)
        .query(Long.class)
        .single();
  }

  boolean seen(String dedupeKey) {
    return jdbc.sql("SELECT COUNT(*) FROM credit_ledger WHERE dedupe_key = :key")
            .param("key", dedupeKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Appends {@code entry} and moves the cached balance with it. The balance row must be locked.
   *
   * @param monthlyRemaining the new expiring part of the balance
   */
  void append(Entry entry, Balance locked, long monthlyRemaining) {
    Instant now = now();
    jdbc.sql(
            """
            INSERT INTO credit_ledger (id, workspace_id, kind, amount, user_id, api_key_id,
                operation, operation_id, reason, dedupe_key, created_at)
            VALUES (:id, :ws, :kind, :amount, :user, :key, :operation, :operationId, :reason,
                :dedupe, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("ws", entry.workspaceId())
        .param("kind", entry.kind())
        .param("amount", entry.amount())
        .param("user", entry.userId())
        .param("key", entry.apiKeyId())
        .param("operation", entry.operation())
        .param("operationId", entry.operationId())
        .param("reason", entry.reason())
        .param("dedupe", entry.dedupeKey())
        .param("now", at(now))
        .update();
    jdbc.sql(
            """
            UPDATE credit_balances SET balance = :balance, monthly_remaining = :monthly,
                updated_at = :now
            WHERE workspace_id = :ws
            """)
        .param("balance", locked.balance() + entry.amount())
        .param("monthly", Math.min(monthlyRemaining, locked.balance() + entry.amount()))
        .param("now", at(now))
        .param("ws", entry.workspaceId())
        .update();
  }

  void holdReservation(UUID id, Payer payer, Operation operation, long amount, Instant expiresAt) {
    Instant now = now();
    jdbc.sql(
            """
            INSERT INTO credit_reservations (id, workspace_id, user_id, api_key_id, operation,
                amount, state, created_at, expires_at)
            VALUES (:id, :ws, :user, :key, :operation, :amount, 'held', :now, :expires)
            """)
        .param("id", id)
        .param("ws", payer.workspaceId())
        .param("user", payer.userId())
        .param("key", payer.apiKeyId())
        .param("operation", operation.wireName())
        .param("amount", amount)
        .param("now", at(now))
        .param("expires", at(expiresAt))
        .update();
    moveReserved(payer.workspaceId(), amount);
  }

  /**
   * Closes a held reservation ({@code settled}, {@code released} or {@code expired}).
   *
   * @return whether it was still held (a closed one is never closed twice)
   */
  boolean close(UUID reservationId, String state) {
    return jdbc.sql(
                "UPDATE credit_reservations SET state = :state WHERE id = :id AND state = 'held'")
            .param("state", state)
            .param("id", reservationId)
            .update()
        == 1;
  }

  void moveReserved(UUID workspaceId, long delta) {
    jdbc.sql(
            "UPDATE credit_balances SET reserved = reserved + :delta, updated_at = :now"
                + " WHERE workspace_id = :ws")
        .param("delta", delta)
        .param("now", at(now()))
        .param("ws", workspaceId)
        .update();
  }

  /** Held reservations past their expiry: (id, workspace, amount). */
  java.util.List<Object[]> expiredReservations(Instant now) {
    return jdbc.sql(
            "SELECT id, workspace_id, amount FROM credit_reservations"
                + " WHERE state = 'held' AND expires_at < :now")
        .param("now", at(now))
        .query(
            (row, n) ->
                new Object[] {
                  row.getObject("id", UUID.class),
                  row.getObject("workspace_id", UUID.class),
                  row.getLong("amount")
                })
        .list();
  }

  // --- plans ---------------------------------------------------------------------------------

  Optional<WorkspacePlan> plan(UUID workspaceId) {
    return jdbc.sql(
            """
            SELECT workspace_id, plan, status, seats, cycle_start, cycle_end, cancel_at_period_end,
                polar_customer_id, polar_subscription_id, source_modified_at
            FROM workspace_plans WHERE workspace_id = :ws
            """)
        .param("ws", workspaceId)
        .query(
            (row, n) -> {
              OffsetDateTime modified = row.getObject("source_modified_at", OffsetDateTime.class);
              return new WorkspacePlan(
                  row.getObject("workspace_id", UUID.class),
                  row.getString("plan"),
                  row.getString("status"),
                  (Integer) row.getObject("seats", Integer.class),
                  row.getObject("cycle_start", OffsetDateTime.class).toInstant(),
                  row.getObject("cycle_end", OffsetDateTime.class).toInstant(),
                  row.getBoolean("cancel_at_period_end"),
                  row.getString("polar_customer_id"),
                  row.getString("polar_subscription_id"),
                  modified == null ? null : modified.toInstant());
            })
        .optional();
  }

  void savePlan(WorkspacePlan plan) {
    int updated =
        bindPlan(
                jdbc.sql(
                    """
                    UPDATE workspace_plans SET plan = :plan, status = :status, seats = :seats,
                        cycle_start = :start, cycle_end = :end, cancel_at_period_end = :cancel,
                        polar_customer_id = :customer, polar_subscription_id = :subscription,
                        source_modified_at = :modified, updated_at = :now
                    WHERE workspace_id = :ws
                    """),
                plan)
            .update();
    if (updated == 0) {
      bindPlan(
              jdbc.sql(
                  """
                  INSERT INTO workspace_plans (workspace_id, plan, status, seats, cycle_start,
                      cycle_end, cancel_at_period_end, polar_customer_id, polar_subscription_id,
                      source_modified_at, updated_at)
                  VALUES (:ws, :plan, :status, :seats, :start, :end, :cancel, :customer,
                      :subscription, :modified, :now)
                  """),
              plan)
          .update();
    }
  }

  private JdbcClient.StatementSpec bindPlan(JdbcClient.StatementSpec spec, WorkspacePlan plan) {
    return spec.param("ws", plan.workspaceId())
        .param("plan", plan.plan())
        .param("status", plan.status())
        .param("seats", plan.seats())
        .param("start", at(plan.cycleStart()))
        .param("end", at(plan.cycleEnd()))
        .param("cancel", plan.cancelAtPeriodEnd())
        .param("customer", plan.polarCustomerId())
        .param("subscription", plan.polarSubscriptionId())
        .param("modified", plan.sourceModifiedAt() == null ? null : at(plan.sourceModifiedAt()))
        .param("now", at(now()));
  }
}
