package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.promptlens.vision.HostileInputs;
import io.promptlens.vision.HostileInputs.Expect;
import io.promptlens.vision.HostileInputs.Input;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile file gets a clean answer from intake: a decoded raster where the file is a real
 * image, a plain one-line refusal otherwise; never another exception, never a hang, never a big
 * allocation.
 */
class HostileIntakeTest {

  /** A 1600-px analysis raster is ~10 MB; a bomb that was inflated would cost hundreds. */
  private static final long MAX_ALLOCATION = 96L * 1024 * 1024;

  private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

  static List<Input> corpus() {
    return HostileInputs.all();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachHostileFileGetsABoundedCleanAnswer(Input input) {
    // A hang guard only (speed is measured by the bench, not by tests): a bomb took 56 s.
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          long before = allocated();
          Expect outcome;
          try {
            intake.decode(input.bytes());
            outcome = Expect.DECODES;
          } catch (ImageRejectedException rejected) {
            assertThat(rejected.getMessage())
                .as("a message for people")
                .doesNotContain("Exception", "java.", "\n")
                .isNotBlank();
            outcome = Expect.REJECTED;
          } catch (RuntimeException | Error unexpected) {
            fail(input + " escaped intake as " + unexpected, unexpected);
            return;
          }
          long cost = allocated() - before;
          if (input.expect() != Expect.EITHER) {
            assertThat(outcome).as(input.toString()).isEqualTo(input.expect());
          }
          assertThat(cost).as(input + ": bytes allocated").isLessThan(MAX_ALLOCATION);
        });
  }

  @org.junit.jupiter.api.Test
  void theCorpusHoldsAtLeastFortyFilesOfEveryKind() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(corpus()).extracting(Input::expect).contains(Expect.DECODES, Expect.REJECTED);
  }
}
