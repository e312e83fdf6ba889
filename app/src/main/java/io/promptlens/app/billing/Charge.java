package io.promptlens.app.billing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Credits reserved for one piece of work, from {@link Credits#reserve} until {@link Credits#settle}
 * or {@link Credits#release}. A free operation (price 0) holds nothing and has no id.
 */
public final class Charge {

  private final @Nullable UUID reservationId;
  private final Payer payer;
  private final Operation operation;
  private final long amount;
  final AtomicBoolean closed = new AtomicBoolean();

  Charge(@Nullable UUID reservationId, Payer payer, Operation operation, long amount) {
    this.reservationId = reservationId;
    this.payer = payer;
    this.operation = operation;
    this.amount = amount;
  }

  public @Nullable UUID reservationId() {
    return reservationId;
  }

  public Payer payer() {
    return payer;
  }

  public Operation operation() {
    return operation;
  }

  public long amount() {
    return amount;
  }

  public boolean free() {
    return reservationId == null;
  }
}
