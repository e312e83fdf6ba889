package io.promptlens.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link AppIntegration} on PostgreSQL: the same app, with its database a fresh schema on the
 * server at 127.0.0.1:5432 ({@link PostgresSchema}). Put it on a subclass of an
 * {@code @AppIntegration} class to run that class's tests again on PostgreSQL; every such class
 * shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AppIntegration
@ContextConfiguration(initializers = PostgresSchema.class)
public @interface PostgresAppIntegration {}
