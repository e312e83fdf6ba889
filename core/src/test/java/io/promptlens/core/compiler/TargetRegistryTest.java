package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRegistryTest {

  private final TargetRegistry registry = TargetRegistry.builtIn();

  @Test
  void holdsEveryRequiredTargetInOrder() {
    assertThat(registry.all())
        .extracting(TargetProfile::id)
        .containsExactly(
            "midjourney",
            "sd15",
            "sdxl",
            "pony",
            "illustrious",
            "sd35",
            "flux",
            "flux-kontext",
            "dalle3",
            "gpt-image",
            "ideogram",
            "imagen",
            "recraft",
            "leonardo",
            "firefly",
            "runway",
            "kling",
            "luma",
            "pika",
            "sora",
            "veo",
            "hailuo",
            "wan",
            "seedance");
  }

  @Test
  void everyTargetCitesItsDocumentationAndVideoTargetsTheirDurations() {
    for (TargetProfile target : registry.all()) {
      assertThat(target.docs()).as(target.id()).startsWith("https://");
      assertThat(target.modelVersion()).as(target.id()).isNotBlank();
      if (target.kind() == TargetKind.VIDEO) {
        assertThat(target.video().durations()).as(target.id()).isNotEmpty().isSorted();
      }
    }
  }

  @Test
  void findsTargetsByAliasIgnoringCase() {
    assertThat(registry.require("MJ").id()).isEqualTo("midjourney");
    assertThat(registry.require("dall-e-3").id()).isEqualTo("dalle3");
    assertThat(registry.require(" Kontext ").id()).isEqualTo("flux-kontext");
    assertThat(registry.require("minimax").id()).isEqualTo("hailuo");
  }

  @Test
  void refusesADefinitionThatCitesNoDocumentation() {
    assertThatThrownBy(() -> TargetProfile.builder("x", "X", TargetKind.IMAGE).build())
        .hasMessageContaining("documentation");
  }

  @Test
  void aNewTargetIsOnlyADefinition() {
    TargetProfile custom =
        TargetProfile.builder("house-model", "House model", TargetKind.IMAGE)
            .length(TargetProfile.LengthUnit.CHARACTERS, 120)
            .aspect(TargetProfile.AspectSpec.ratios("1:1", "16:9"))
            .docs("https://example.org/house-model")
            .build();
    PromptCompiler compiler = new PromptCompiler(new TargetRegistry(List.of(custom)));

    PromptResult result =
        compiler.compile(Fixtures.rainyStreet(), "house-model", Mode.FULL, Controls.defaults());

    assertThat(result.prompt().length()).isLessThanOrEqualTo(120);
    assertThat(result.parameters()).containsEntry("aspectRatio", "16:9");
  }
}
