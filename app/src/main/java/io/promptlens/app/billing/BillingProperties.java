package io.promptlens.app.billing;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promptlens.billing.*}: prices per operation, plans and their entitlements, credit packs,
 * the anonymous per-day limit and Polar. Every default is in application.properties and
 * docs/billing.md.
 *
 * @param price credits per operation
 * @param anonymousPerDay free "try it" calls per client address and UTC day
 * @param reservationTtl how long credits reserved for work in progress are held before the
 *     housekeeping job releases them (only a crash leaves a reservation that long)
 * @param plans by plan id ({@code free}, {@code pro}, {@code team})
 * @param packs credit packs by id
 */
@ConfigurationProperties("promptlens.billing")
public record BillingProperties(
    @DefaultValue Prices price,
    @DefaultValue("10") int anonymousPerDay,
    @DefaultValue("10m") Duration reservationTtl,
    Map<String, PlanTerms> plans,
    Map<String, PackTerms> packs,
    @DefaultValue Polar polar) {

  /**
   * @param localAnalysis an analysis by the local engine
   * @param providerAnalysis an analysis with a vision-language provider
   * @param compile a prompt compiled from a stored analysis (re-target included)
   * @param batchItem one item of a batch (for the batch feature to charge per item)
   */
  public record Prices(
      @DefaultValue("1") long localAnalysis,
      @DefaultValue("3") long providerAnalysis,
      @DefaultValue("0") long compile,
      @DefaultValue("1") long batchItem) {}

  /**
   * What a plan entitles a workspace to.
   *
   * @param name shown on the Plan &amp; credits page
   * @param priceLabel shown beside it ("$12 a month"); the price itself is Polar's product's
   * @param monthlyCredits granted at each renewal; unused ones expire at the cycle's end
   * @param seats members a workspace may have (invitations past it are refused); a Team
   *     subscription's own seat count wins when Polar sends one
   * @param providerAccess whether analyses may use the configured vision-language provider
   * @param thumbnails whether the workspace may keep thumbnails
   * @param apiKeys whether the workspace may create API keys
   * @param batchSize the largest batch the workspace may submit
   * @param productId the Polar product that sells the plan (empty for free)
   */
  public record PlanTerms(
      String name,
      @DefaultValue("") String priceLabel,
      long monthlyCredits,
      int seats,
      boolean providerAccess,
      boolean thumbnails,
      boolean apiKeys,
      int batchSize,
      @DefaultValue("") String productId) {}

  /**
   * @param credits added on payment; purchased credits never expire
   */
  public record PackTerms(
      String name,
      @DefaultValue("") String priceLabel,
      long credits,
      @DefaultValue("") String productId) {}

  /**
   * @param accessToken an organization access token ({@code POLAR_ACCESS_TOKEN}); empty turns
   *     billing off (plans are shown, checkout says it is not configured)
   * @param webhookSecret {@code POLAR_WEBHOOK_SECRET}, either as Polar shows it or as {@code
   *     whsec_<base64>}
   * @param baseUrl Polar's API: production or sandbox
   */
  public record Polar(
      @DefaultValue("") String accessToken,
      @DefaultValue("") String webhookSecret,
      @DefaultValue("https://api.polar.sh") String baseUrl) {

    public boolean configured() {
      return !accessToken.isBlank();
    }
  }

  PlanTerms plan(String id) {
    PlanTerms terms = plans == null ? null : plans.get(id);
    if (terms == null) {
      throw new IllegalStateException("no plan '" + id + "' in promptlens.billing.plans");
    }
    return terms;
  }

  /** The plan id a Polar product sells, or null for a product we do not know. */
  @Nullable String planForProduct(@Nullable String productId) {
    return idSelling(plans, productId, PlanTerms::productId);
  }

  /** The pack id a Polar product sells, or null for a product we do not know. */
  @Nullable String packForProduct(@Nullable String productId) {
    return idSelling(packs, productId, PackTerms::productId);
  }

  private static <T> @Nullable String idSelling(
      @Nullable Map<String, T> byId, @Nullable String productId, Function<T, String> productOf) {
    if (productId == null || productId.isBlank() || byId == null) {
      return null;
    }
    return byId.entrySet().stream()
        .filter(e -> productId.equals(productOf.apply(e.getValue())))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
