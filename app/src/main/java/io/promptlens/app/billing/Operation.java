package io.promptlens.app.billing;

import java.util.Locale;

/**
 * What a charge pays for; the price of each is configuration ({@link BillingProperties.Prices}).
 */
public enum Operation {
  /** An analysis by the local engine. */
  LOCAL_ANALYSIS,
  /** An analysis with a vision-language provider. */
  PROVIDER_ANALYSIS,
  /** A prompt compiled from a stored analysis. */
  COMPILE,
  /** One item of a batch. */
  BATCH_ITEM;

  long price(BillingProperties.Prices prices) {
    return switch (this) {
      case LOCAL_ANALYSIS -> prices.localAnalysis();
      case PROVIDER_ANALYSIS -> prices.providerAnalysis();
      case COMPILE -> prices.compile();
      case BATCH_ITEM -> prices.batchItem();
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
