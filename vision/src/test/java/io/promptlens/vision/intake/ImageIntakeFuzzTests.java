package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of {@link ImageIntake#decode(byte[])} with Jazzer. Whatever the bytes,
 * intake either returns pixels within its limits or refuses them with an {@link
 * ImageRejectedException} that has a reason and a message; any other exception, an error or a hang
 * is a finding.
 *
 * <p>In a normal test run this is a regression test over the seed corpus in {@code
 * ImageIntakeFuzzTestsInputs/} (a tiny image of each format, one with alpha, a truncated one, and
 * the empty input) and takes seconds; it runs in a surefire execution of its own (vision/pom.xml)
 * because Jazzer loads an agent into its JVM. To fuzz for {@code maxDuration}: {@code JAZZER_FUZZ=1
 * mvn -o -pl vision -am test -Dtest=ImageIntakeFuzzTests -Dsurefire.failIfNoSpecifiedTests=false}
 * (measured on Java 17 and two busy cores: about 1,200 inputs/s, no finding in 30,000). The corpus
 * it grows is kept in {@code vision/.cifuzz-corpus} (ignored by git) and reused by the next run; a
 * finding is written as a {@code crash-…} file next to the seeds: commit it and it is replayed in
 * every run from then on.
 */
@Tag("fuzz")
class ImageIntakeFuzzTests {

  /**
   * Smaller limits than the defaults so that a mutated header claiming a huge size is refused
   * cheaply and the fuzzer spends its time in the decoders, not in allocating pixels.
   */
  private static final IntakeLimits LIMITS = new IntakeLimits(1024 * 1024, 4_000_000, 256);

  private static final ImageIntake INTAKE = new ImageIntake(LIMITS);

  @FuzzTest(maxDuration = "2m")
  void decodeGivesPixelsOrARejection(byte[] bytes) {
    try {
      DecodedImage image = INTAKE.decode(bytes);

      assertThat(Math.max(image.pixels().getWidth(), image.pixels().getHeight()))
          .isLessThanOrEqualTo(LIMITS.analysisLongSide());
      assertThat((long) image.width() * image.height()).isLessThanOrEqualTo(LIMITS.maxPixels());
    } catch (ImageRejectedException rejected) {
      assertThat(rejected.reason()).isNotNull();
      assertThat(rejected.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }
}
