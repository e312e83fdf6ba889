package io.promptlens.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link AppIntegration} with billing on: Polar is a local stub ({@link PolarStub}), a new
 * workspace's free grant is 10 credits with 2 seats and neither API keys nor thumbnails, the paid
 * products have ids, "try it" allows 3 calls a day, and the analysis queue is long enough that
 * concurrency tests meet the credit limit, not the busy limit. Every class using it shares one
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AppIntegration
@ContextConfiguration(initializers = PolarStub.class)
@TestPropertySource(
    properties = {
      "promptlens.billing.plans.free.monthly-credits=10",
      "promptlens.billing.plans.free.seats=2",
      "promptlens.billing.plans.free.api-keys=false",
      "promptlens.billing.plans.free.provider-access=false",
      "promptlens.billing.plans.free.thumbnails=false",
      "promptlens.billing.plans.pro.product-id=prod_pro",
      "promptlens.billing.plans.team.product-id=prod_team",
      "promptlens.billing.packs.small.product-id=prod_pack_small",
      "promptlens.billing.packs.large.product-id=prod_pack_large",
      "promptlens.billing.anonymous-per-day=3",
      "promptlens.analysis.queue=64",
      "promptlens.analysis.max-wait=60s"
    })
public @interface BillingIntegration {}
