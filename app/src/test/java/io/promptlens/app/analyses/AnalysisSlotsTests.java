package io.promptlens.app.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.promptlens.app.system.BusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Past its slots and its wait line, an analysis is refused at once instead of queued forever. */
class AnalysisSlotsTests {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void aFullLineIsToldBusyAtOnceAndAWaiterGivesUpAfterTheWait() throws Exception {
    AnalysisSlots slots = new AnalysisSlots(1, 1, Duration.ofMillis(300), meters);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holder =
        CompletableFuture.supplyAsync(
            () ->
                slots.run(
                    () -> {
                      started.countDown();
                      try {
                        release.await(5, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return "done";
                    }));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> slots.run(() -> "late"));
    while (meters.get("promptlens.analyses.waiting").gauge().value() < 1) {
      Thread.onSpinWait();
    }

    assertThatThrownBy(() -> slots.run(() -> "third")).isInstanceOf(BusyException.class);
    assertThatThrownBy(waiter::join).hasCauseInstanceOf(BusyException.class);
    release.countDown();
    assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(slots.run(() -> "after")).isEqualTo("after");
  }

  @Test
  void aFailedAnalysisGivesItsSlotBack() {
    AnalysisSlots slots = new AnalysisSlots(1, 1, Duration.ofMillis(100), meters);

    assertThatThrownBy(
            () ->
                slots.run(
                    () -> {
                      throw new IllegalStateException("decoder broke");
                    }))
        .hasMessage("decoder broke");
    assertThat(slots.run(() -> "next")).isEqualTo("next");
  }
}
