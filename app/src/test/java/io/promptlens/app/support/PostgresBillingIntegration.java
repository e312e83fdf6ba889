package io.promptlens.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link BillingIntegration} on a fresh PostgreSQL schema ({@link PostgresSchema}). It names the
 * same settings file rather than carrying {@code @BillingIntegration}, because a nearer
 * {@code @ContextConfiguration} would hide the other's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AppIntegration
@ContextConfiguration(initializers = {PolarStub.class, PostgresSchema.class})
@TestPropertySource(locations = "classpath:billing-integration.properties")
public @interface PostgresBillingIntegration {}
