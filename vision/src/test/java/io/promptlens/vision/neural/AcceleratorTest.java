package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceleratorTest {

  @Test
  void theCpuIsTheDefaultAndSaysNothing() {
    assertThat(Accelerator.requested(Map.of(), null)).isFalse();
    Accelerator a = Accelerator.choose(false, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
    assertThat(a.cuda()).isFalse();
    assertThat(a.note()).isNull();
  }

  @Test
  void theSettingAsksForCudaThroughTheEnvironmentOrAProperty() {
    assertThat(Accelerator.requested(Map.of(Accelerator.ENV, "1"), null)).isTrue();
    assertThat(Accelerator.requested(Map.of(Accelerator.ENV, "true"), null)).isTrue();
    assertThat(Accelerator.requested(Map.of(Accelerator.ENV, "0"), null)).isFalse();
    assertThat(Accelerator.requested(Map.of(Accelerator.ENV, "1"), "false")).isFalse();
    assertThat(Accelerator.requested(Map.of(), "true")).isTrue();
  }

  @Test
  void cudaIsUsedWhenTheGpuRuntimeHasIt() {
    Accelerator a = Accelerator.choose(true, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
    assertThat(a.cuda()).isTrue();
    assertThat(a.note()).isNull();
  }

  @Test
  void withoutTheGpuRuntimeItFallsBackToTheCpuWithANote() {
    Accelerator a = Accelerator.choose(true, EnumSet.of(OrtProvider.CPU));
    assertThat(a.cuda()).isFalse();
    assertThat(a.note())
        .contains(Accelerator.ENV)
        .contains("CPU")
        .contains("onnxruntime_gpu")
        .doesNotContain("http");
  }

  @Test
  void thisBuildsRuntimeHasNoCudaSoTheCpuPathIsTaken() {
    // The build depends on the CPU artifact: asking for CUDA must still give a working CPU choice.
    Accelerator a = Accelerator.choose(true, ai.onnxruntime.OrtEnvironment.getAvailableProviders());
    assertThat(a.cuda()).isFalse();
    assertThat(a.note()).isNotNull();
  }
}
