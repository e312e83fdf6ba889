package io.promptlens.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link AppIntegration} with billing on: Polar is a local stub ({@link PolarStub}) and the
 * settings are those of {@code billing-integration.properties}: a new workspace's free grant is 10
 * credits with 2 seats and neither API keys nor thumbnails, the paid products have ids, "try it"
 * allows 3 calls a day, and the analysis queue is long enough that concurrency tests meet the
 * credit limit, not the busy limit. Every class using it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AppIntegration
@ContextConfiguration(initializers = PolarStub.class)
@TestPropertySource(locations = "classpath:billing-integration.properties")
public @interface BillingIntegration {}
