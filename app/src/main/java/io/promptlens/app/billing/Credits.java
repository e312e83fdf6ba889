package io.promptlens.app.billing;

import io.promptlens.app.billing.CreditLedger.Balance;
import io.promptlens.app.billing.CreditLedger.Entry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A workspace's credits: the one hook the paid paths call ({@link #reserve} before the work, {@link
 * #settle} on success, {@link #release} on failure), plus grants, purchases, refunds and
 * adjustments. Every change runs with the workspace's balance row locked, and the monthly cycle
 * (expiry of the unused grant, the next free grant) is brought up to date on the way.
 *
 * <p>Typical use, with the settle inside the transaction that stores the result:
 *
 * <pre>
 * Charge charge = credits.reserve(payer, Operation.LOCAL_ANALYSIS);
 * try {
 *   ... work, then in the storing transaction: credits.settle(charge, "analysis", id);
 * } finally {
 *   credits.release(charge); // a no-op once settled
 * }
 * </pre>
 */
@Service
public class Credits {

  private static final Logger log = LoggerFactory.getLogger(Credits.class);

  private final CreditLedger ledger;
  private final TransactionOperations transactions;
  private final BillingProperties properties;

  Credits(CreditLedger ledger, TransactionOperations transactions, BillingProperties properties) {
    this.ledger = ledger;
    this.transactions = transactions;
    this.properties = properties;
  }

  /**
   * Holds the operation's price of the payer's workspace.
   *
   * @throws NotEnoughCreditsException 402 when the available credits do not cover it
   */
  public Charge reserve(Payer payer, Operation operation) {
    long cost = operation.price(properties.price());
    if (cost <= 0) {
      return new Charge(null, payer, operation, 0);
    }
    ledger.ensureBalanceRow(payer.workspaceId());
    return transactions.execute(
        status -> {
          Locked locked = lockAndRoll(payer.workspaceId());
          if (locked.balance().available() < cost) {
            throw new NotEnoughCreditsException(
                locked.balance().available(), cost, locked.plan().cycleEnd());
          }
          UUID id = UUID.randomUUID();
          ledger.holdReservation(
              id, payer, operation, cost, ledger.now().plus(properties.reservationTtl()));
          return new Charge(id, payer, operation, cost);
        });
  }

  /**
   * Turns the reservation into a usage row of the ledger. Joins the caller's transaction when there
   * is one, so the charge commits with the stored result or not at all.
   *
   * @param subject what was paid for ({@code analysis}, {@code generation}, {@code batch_item})
   * @param subjectId its id
   */
  public void settle(Charge charge, String subject, Object subjectId) {
    UUID reservation = charge.reservationId(); // null for a free charge: nothing was held
    if (reservation == null || charge.closed.get()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          Payer payer = charge.payer();
          Balance balance = ledger.lock(payer.workspaceId());
          if (!ledger.close(reservation, "settled")) {
            // Expired by housekeeping while the work ran (only after a stall longer than the
            // reservation's lifetime): the work is delivered uncharged rather than overdrawn.
            log.warn("Reservation {} was no longer held; not charged", charge.reservationId());
            return;
          }
          ledger.moveReserved(payer.workspaceId(), -charge.amount());
          ledger.append(
              new Entry(
                  payer.workspaceId(),
                  "usage",
                  -charge.amount(),
                  payer.userId(),
                  payer.apiKeyId(),
                  subject,
                  subjectId.toString(),
                  charge.operation().wireName(),
                  null),
              new Balance(balance.balance(), balance.reserved() - charge.amount(), 0),
              balance.monthlyRemaining() - Math.min(charge.amount(), balance.monthlyRemaining()));
        });
    closeAfterCommit(charge);
  }

  /** Gives the reserved credits back; a no-op for a charge already settled or released. */
  public void release(Charge charge) {
    UUID reservation = charge.reservationId(); // null for a free charge: nothing was held
    if (reservation == null || charge.closed.get()) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          ledger.lock(charge.payer().workspaceId());
          if (ledger.close(reservation, "released")) {
            ledger.moveReserved(charge.payer().workspaceId(), -charge.amount());
          }
        });
    charge.closed.set(true);
  }

  /** The operation an upload analysis is charged as: with the provider only where it runs. */
  public Operation analysisOperation(UUID workspaceId, boolean providerConfigured) {
    return providerConfigured && entitlements(workspaceId).providerAccess()
        ? Operation.PROVIDER_ANALYSIS
        : Operation.LOCAL_ANALYSIS;
  }

  /** The workspace's plan and what it entitles to, with the cycle brought up to date. */
  public Entitlements entitlements(UUID workspaceId) {
    ledger.ensureBalanceRow(workspaceId);
    WorkspacePlan plan = transactions.execute(status -> lockAndRoll(workspaceId).plan());
    String effective = effectivePlan(plan);
    BillingProperties.PlanTerms terms = properties.plan(effective);
    return new Entitlements(
        effective,
        terms.name(),
        plan.status(),
        terms.monthlyCredits(),
        !WorkspacePlan.FREE.equals(effective) && plan.seats() != null
            ? plan.seats()
            : terms.seats(),
        terms.providerAccess(),
        terms.thumbnails(),
        terms.apiKeys(),
        terms.batchSize(),
        plan.cycleStart(),
        plan.cycleEnd(),
        plan.cancelAtPeriodEnd());
  }

  /** The cached balance (the ledger's sum), what is reserved, and what expires at cycle end. */
  public CreditBalance balance(UUID workspaceId) {
    ledger.ensureBalanceRow(workspaceId);
    Balance balance = transactions.execute(status -> lockAndRoll(workspaceId).balance());
    return new CreditBalance(
        balance.balance(), balance.reserved(), balance.available(), balance.monthlyRemaining());
  }

  /**
   * @param balance the sum of the ledger
   * @param reserved held for work in progress
   * @param available what a new charge may use
   * @param expiring the part of the balance from this cycle's grant, which expires at its end
   */
  public record CreditBalance(long balance, long reserved, long available, long expiring) {}

  /**
   * An operator's correction, recorded in the ledger with its reason.
   *
   * @throws IllegalArgumentException for a missing reason, or a debit larger than what is available
   */
  public long adjust(UUID workspaceId, long amount, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a reason is required");
    }
    if (amount == 0) {
      throw new IllegalArgumentException("the amount must not be 0");
    }
    ledger.ensureBalanceRow(workspaceId);
    return transactions.execute(
        status -> {
          Locked locked = lockAndRoll(workspaceId);
          Balance balance = locked.balance();
          if (amount < 0 && -amount > balance.available()) {
            throw new IllegalArgumentException(
                "the workspace has "
                    + balance.available()
                    + " credits available; a debit of "
                    + -amount
                    + " would overdraw it");
          }
          ledger.append(
              new Entry(
                  workspaceId,
                  "adjustment",
                  amount,
                  null,
                  null,
                  "operator",
                  null,
                  reason.strip(),
                  null),
              balance,
              balance.monthlyRemaining());
          return balance.balance() + amount;
        });
  }

  // --- used by Polar's events (same package) ------------------------------------------------

  /** Runs {@code work} with the workspace's balance row locked and its cycle up to date. */
  <T> T locked(UUID workspaceId, java.util.function.Function<Locked, T> work) {
    ledger.ensureBalanceRow(workspaceId);
    return transactions.execute(status -> work.apply(lockAndRoll(workspaceId)));
  }

  /** A balance row locked in the current transaction, and the plan as of now. */
  record Locked(Balance balance, WorkspacePlan plan) {}

  /**
   * Appends a credit (grant, purchase) or a debit capped at what is available (refund, expiry).
   * Must run inside {@link #locked}.
   *
   * @param expiring whether the amount is a monthly grant (replaces the expiring part)
   * @return the amount actually appended
   */
  long appendLocked(Entry entry, boolean expiring) {
    Balance balance = ledger.lock(entry.workspaceId());
    if (entry.dedupeKey() != null && ledger.seen(entry.dedupeKey())) {
      return 0;
    }
    long amount =
        entry.amount() < 0 ? -Math.min(-entry.amount(), balance.available()) : entry.amount();
    if (amount == 0 && entry.amount() != 0) {
      return 0;
    }
    Entry capped =
        new Entry(
            entry.workspaceId(),
            entry.kind(),
            amount,
            entry.userId(),
            entry.apiKeyId(),
            entry.operation(),
            entry.operationId(),
            entry.reason(),
            entry.dedupeKey());
    long monthly =
        expiring
            ? amount
            : amount < 0
                ? Math.max(0, balance.monthlyRemaining() + amount)
                : balance.monthlyRemaining();
    ledger.append(capped, balance, monthly);
    return amount;
  }

  /**
   * Expires what is left of the cycle's grant (never more than is available).
   *
   * @param dedupe what makes this expiry happen once
   */
  void expireMonthly(UUID workspaceId, Instant cycleStart, String dedupe) {
    Balance balance = ledger.lock(workspaceId);
    long expiring = Math.min(balance.monthlyRemaining(), balance.available());
    if (expiring > 0) {
      appendLocked(
          new Entry(
              workspaceId,
              "expiry",
              -expiring,
              null,
              null,
              "monthly_grant",
              null,
              "unused monthly credits of the cycle from " + cycleStart + " expired",
              dedupe),
          false);
    }
  }

  /** Grants the plan's monthly credits for the cycle starting at {@code cycleStart}, once. */
  void grantMonthly(UUID workspaceId, String plan, Instant cycleStart, @Nullable String dedupe) {
    BillingProperties.PlanTerms terms = properties.plan(plan);
    if (terms.monthlyCredits() <= 0) {
      return;
    }
    appendLocked(
        new Entry(
            workspaceId,
            "grant",
            terms.monthlyCredits(),
            null,
            null,
            "monthly_grant",
            null,
            terms.name() + " plan: monthly credits for the cycle from " + cycleStart,
            dedupe != null ? dedupe : "grant:" + workspaceId + ":" + cycleStart),
        true);
  }

  CreditLedger ledger() {
    return ledger;
  }

  BillingProperties properties() {
    return properties;
  }

  /**
   * Locks the balance row, then brings the plan up to date: a workspace seen for the first time
   * starts on the free plan with its grant; a cycle that has ended expires its unused grant and, on
   * the free plan (or a paid plan that was revoked), starts the next with a new grant. A paid
   * plan's next grant comes with Polar's renewal order, not from the clock.
   */
  private Locked lockAndRoll(UUID workspaceId) {
    ledger.lock(workspaceId);
    Instant now = ledger.now();
    WorkspacePlan plan = ledger.plan(workspaceId).orElse(null);
    if (plan == null) {
      plan = freePlan(workspaceId, now, null);
      ledger.savePlan(plan);
      grantMonthly(workspaceId, WorkspacePlan.FREE, plan.cycleStart(), null);
    } else if (!now.isBefore(plan.cycleEnd())) {
      expireMonthly(
          workspaceId, plan.cycleStart(), "expiry:" + workspaceId + ":" + plan.cycleStart());
      if (plan.free() || "revoked".equals(plan.status())) {
        Instant start = plan.cycleEnd();
        Instant end = start.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
        while (!now.isBefore(end)) {
          start = end;
          end = start.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
        }
        plan =
            new WorkspacePlan(
                workspaceId,
                WorkspacePlan.FREE,
                "active",
                null,
                start,
                end,
                false,
                plan.polarCustomerId(),
                null,
                plan.sourceModifiedAt());
        ledger.savePlan(plan);
        grantMonthly(workspaceId, WorkspacePlan.FREE, start, null);
      }
    }
    return new Locked(ledger.lock(workspaceId), plan);
  }

  /**
   * The plan whose terms apply: a paid plan while its subscription is active, trialing or past due
   * (Polar is still retrying the payment); free otherwise (incomplete, unpaid, revoked).
   */
  static String effectivePlan(WorkspacePlan plan) {
    return switch (plan.status()) {
      case "active", "trialing", "past_due" -> plan.plan();
      default -> WorkspacePlan.FREE;
    };
  }

  static WorkspacePlan freePlan(UUID workspaceId, Instant now, @Nullable String customer) {
    Instant start = now.truncatedTo(ChronoUnit.SECONDS);
    return new WorkspacePlan(
        workspaceId,
        WorkspacePlan.FREE,
        "active",
        null,
        start,
        start.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant(),
        false,
        customer,
        null,
        null);
  }

  private static void closeAfterCommit(Charge charge) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      charge.closed.set(true);
      return;
    }
    // Inside the caller's transaction: closed only if it commits; a rollback leaves the
    // reservation held, and the caller's release gives it back.
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              charge.closed.set(true);
            }
          }
        });
  }
}
