package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The data file: defaults that work today, current prices, retirement warnings, overrides. */
class ProviderCatalogTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final ProviderCatalog CATALOG = ProviderCatalog.builtIn();

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "GEMINI", "OLLAMA"})
  void everyDefaultModelIsListedAndNotRetiringWithinSixMonths(ProviderKind kind) {
    String id = CATALOG.defaultModel(kind);

    assertThat(CATALOG.model(kind, id)).isPresent();
    LocalDate retires = CATALOG.model(kind, id).get().retires();
    assertThat(retires == null || retires.isAfter(TODAY.plusMonths(6)))
        .as("%s default %s retires %s", kind, id, retires)
        .isTrue();
  }

  @Test
  void geminiNoLongerDefaultsToTheShutDownGemini25Flash() {
    assertThat(ProviderKind.GEMINI.defaultModel()).isNotEqualTo("gemini-2.5-flash");
    assertThat(CATALOG.model(ProviderKind.GEMINI, "gemini-2.5-flash").get().retires())
        .isEqualTo(LocalDate.of(2026, 6, 17));
  }

  @Test
  void aRetiredModelWarnsAndNamesTheReplacement() {
    assertThat(CATALOG.retirementWarning(ProviderKind.GEMINI, "gemini-2.5-flash", TODAY))
        .hasValue(
            "gemini: model 'gemini-2.5-flash' was retired on 2026-06-17; use --model"
                + " gemini-3.5-flash-lite (the service may refuse it or answer and bill as another"
                + " model)");
  }

  @Test
  void aModelIsNotRetiredTheDayBefore() {
    assertThat(CATALOG.retirementWarning(ProviderKind.OPENAI, "gpt-5", LocalDate.of(2026, 12, 10)))
        .isEmpty();
    assertThat(
            CATALOG.retirementWarning(
                ProviderKind.OPENAI, "gpt-5-mini", LocalDate.of(2026, 12, 11)))
        .hasValueSatisfying(w -> assertThat(w).contains("use --model gpt-6.1-terra"));
  }

  @Test
  void gpt5FamilyAndGpt41MiniCarryTheirShutdownDates() {
    for (String id : new String[] {"gpt-5", "gpt-5-mini", "gpt-5-nano"}) {
      assertThat(CATALOG.model(ProviderKind.OPENAI, id).get().retires())
          .isEqualTo(LocalDate.of(2026, 12, 11));
    }
    assertThat(CATALOG.model(ProviderKind.OPENAI, "gpt-4.1-mini").get().retires())
        .isEqualTo(LocalDate.of(2027, 1, 14));
  }

  @Test
  void claudeOpus45CostsFiveAndTwentyFivePerMillion() {
    assertThat(CATALOG.estimate(ProviderKind.ANTHROPIC, "claude-opus-4-5", 1_000_000, 0))
        .isCloseTo(5.00, within(1e-9));
    assertThat(CATALOG.estimate(ProviderKind.ANTHROPIC, "claude-opus-4-5-20251101", 0, 1_000_000))
        .isCloseTo(25.00, within(1e-9));
    assertThat(CATALOG.estimate(ProviderKind.ANTHROPIC, "claude-opus-4-1", 1_000_000, 0))
        .isCloseTo(15.00, within(1e-9));
  }

  @Test
  void aDatedSnapshotCostsWhatItsAliasDoesAndTheLongestIdWins() {
    assertThat(CATALOG.model(ProviderKind.OPENAI, "gpt-4.1-mini-2025-04-14").get().id())
        .isEqualTo("gpt-4.1-mini");
    assertThat(CATALOG.model(ProviderKind.GEMINI, "models/gemini-2.5-flash-lite").get().id())
        .isEqualTo("gemini-2.5-flash-lite");
    assertThat(CATALOG.model(ProviderKind.OPENAI, "gpt-4.10")).isEmpty();
  }

  @Test
  void unknownModelsAndMissingCountsHaveNoEstimate() {
    assertThat(CATALOG.estimate(ProviderKind.OPENAI, "my-finetune", 10, 10)).isNull();
    assertThat(CATALOG.estimate(ProviderKind.OPENAI, "gpt-6-luna", null, 10)).isNull();
    assertThat(CATALOG.estimate(ProviderKind.OPENAI_COMPATIBLE, "gpt-6-luna", 10, 10)).isNull();
  }

  @Test
  void localOllamaCostsZeroEvenWithoutTokenCounts() {
    assertThat(CATALOG.estimate(ProviderKind.OLLAMA, "anything", 5000, 500)).isEqualTo(0.0);
    assertThat(CATALOG.estimate(ProviderKind.OLLAMA, "qwen2.5vl", null, null)).isEqualTo(0.0);
  }

  @Test
  void everyProviderSaysWhereItsFactsComeFromAndWhenTheyWereChecked() {
    for (ProviderCatalog.Provider provider : CATALOG.providers()) {
      assertThat(provider.sources()).as("%s sources", provider.kind()).isNotEmpty();
      assertThat(provider.sources()).allMatch(url -> url.startsWith("https://"));
      assertThat(provider.checked()).as("%s checked", provider.kind()).isNotNull();
    }
  }

  @Test
  void everyModelWithARetirementDateNamesAReplacement() {
    for (ProviderCatalog.Provider provider : CATALOG.providers()) {
      for (ProviderCatalog.Model model : provider.models()) {
        if (model.retires() != null) {
          assertThat(model.replacement()).as("%s replacement", model.id()).isNotBlank();
        }
      }
    }
  }

  @Test
  void anOverrideFileReplacesTheDefaultAndAddsOrReplacesModels(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("catalog.json");
    Files.writeString(
        file,
        "{\"providers\":{\"gemini\":{\"defaultModel\":\"gemini-9-flash\",\"models\":["
            + "{\"id\":\"gemini-9-flash\",\"inputPerMillion\":0.2,\"outputPerMillion\":1.0},"
            + "{\"id\":\"gemini-3.5-flash-lite\",\"inputPerMillion\":0.25,"
            + "\"outputPerMillion\":2.0,\"retires\":\"2027-03-01\","
            + "\"replacement\":\"gemini-9-flash\"}]}}}");

    ProviderCatalog catalog =
        ProviderCatalog.fromEnvironment(Map.of(ProviderCatalog.OVERRIDE_VARIABLE, file.toString()));

    assertThat(catalog.defaultModel(ProviderKind.GEMINI)).isEqualTo("gemini-9-flash");
    assertThat(catalog.estimate(ProviderKind.GEMINI, "gemini-9-flash", 1_000_000, 0))
        .isCloseTo(0.2, within(1e-9));
    assertThat(catalog.model(ProviderKind.GEMINI, "gemini-3.5-flash-lite").get().retires())
        .isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(catalog.model(ProviderKind.GEMINI, "gemini-2.5-pro")).isPresent();
    assertThat(catalog.defaultModel(ProviderKind.OPENAI)).isEqualTo("gpt-6-luna");
    assertThat(
            ProviderConfig.fromEnvironment(
                    ProviderKind.GEMINI,
                    null,
                    null,
                    Map.of(
                        ProviderCatalog.OVERRIDE_VARIABLE, file.toString(), "GEMINI_API_KEY", "k"))
                .model())
        .isEqualTo("gemini-9-flash");
  }
}
