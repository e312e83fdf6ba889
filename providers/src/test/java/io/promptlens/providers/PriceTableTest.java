package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceTableTest {

  @Test
  void knownModelsAreEstimated() {
    assertThat(PriceTable.estimate(ProviderKind.OPENAI, "gpt-4.1-mini", 1_000_000, 0))
        .isCloseTo(0.40, within(1e-9));
    assertThat(PriceTable.estimate(ProviderKind.ANTHROPIC, "claude-haiku-4-5", 0, 1_000_000))
        .isCloseTo(5.00, within(1e-9));
  }

  @Test
  void aDatedSnapshotCostsWhatItsAliasDoesAndTheLongestPrefixWins() {
    assertThat(PriceTable.price(ProviderKind.OPENAI, "gpt-4.1-mini-2025-04-14"))
        .isEqualTo(PriceTable.price(ProviderKind.OPENAI, "gpt-4.1-mini"));
    assertThat(PriceTable.price(ProviderKind.OPENAI, "gpt-4.1").inputPerMillion()).isEqualTo(2.0);
    assertThat(PriceTable.price(ProviderKind.GEMINI, "models/gemini-2.5-flash-lite"))
        .isEqualTo(new PriceTable.Price(0.10, 0.40));
  }

  @Test
  void unknownModelsAndMissingCountsHaveNoEstimate() {
    assertThat(PriceTable.estimate(ProviderKind.OPENAI, "my-finetune", 10, 10)).isNull();
    assertThat(PriceTable.estimate(ProviderKind.OPENAI, "gpt-4o", null, 10)).isNull();
    assertThat(PriceTable.estimate(ProviderKind.OPENAI_COMPATIBLE, "gpt-4o", 10, 10)).isNull();
    assertThat(PriceTable.price(ProviderKind.OPENAI, "gpt-4.10")).isNull();
  }

  @Test
  void localOllamaIsFree() {
    assertThat(PriceTable.estimate(ProviderKind.OLLAMA, "anything", 5000, 500)).isEqualTo(0.0);
  }
}
