package io.promptlens.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parts of one analysis run side by side, and a busy pool never leaves a caller waiting. */
class ForkTest {

  @Test
  void aStartedPartRunsWhileTheCallerWorks() throws Exception {
    CountDownLatch callerWorking = new CountDownLatch(1);
    CountDownLatch partRan = new CountDownLatch(1);
    Fork<Boolean> part =
        Fork.start(
            () -> {
              partRan.countDown();
              return await(callerWorking);
            });

    // Only a part running on another thread can count down before the caller joins it.
    boolean sawPart = partRan.await(20, TimeUnit.SECONDS);
    callerWorking.countDown();

    assertThat(sawPart).isTrue();
    assertThat(part.join()).isTrue();
  }

  @Test
  void aPartNoPoolThreadCouldStartRunsOnTheJoiningThread() {
    CountDownLatch release = new CountDownLatch(1);
    List<Fork<Boolean>> blockers = new ArrayList<>();
    try {
      // Every pool thread waits, so the next part can only run where it is joined.
      for (int i = 0; i < Fork.THREADS; i++) {
        blockers.add(Fork.start(() -> await(release)));
      }
      Fork<Thread> part = Fork.start(Thread::currentThread);

      assertThat(part.join()).isSameAs(Thread.currentThread());
    } finally {
      release.countDown();
    }
    blockers.forEach(Fork::join);
  }

  @Test
  void aPartInTurnRunsOnlyWhenJoinedOnTheJoiningThread() {
    List<Thread> ran = new ArrayList<>();
    Fork<Integer> part =
        Fork.inTurn(
            () -> {
              ran.add(Thread.currentThread());
              return 42;
            });

    assertThat(ran).isEmpty();
    assertThat(part.join()).isEqualTo(42);
    assertThat(ran).containsExactly(Thread.currentThread());
  }

  @Test
  void aPartsExceptionIsThrownByJoinAsItWasThrown() {
    Fork<Object> part =
        Fork.start(
            () -> {
              throw new IllegalArgumentException("model file truncated");
            });

    assertThatThrownBy(part::join)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model file truncated");
  }

  @Test
  void runUnstartedRunsEveryWaitingPartHereInOrder() {
    List<String> order = new ArrayList<>();
    Fork<String> first = Fork.inTurn(() -> add(order, "first"));
    Fork<String> second = Fork.inTurn(() -> add(order, "second"));

    Fork.runUnstarted(first, second);

    assertThat(order).containsExactly("first", "second");
    assertThat(first.join()).isEqualTo("first");
    assertThat(order).hasSize(2); // a part runs once, however often it is joined
  }

  private static String add(List<String> order, String name) {
    order.add(name);
    return name;
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
