package io.promptlens.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that processes a person's data beyond storing and showing it: analysing an
 * image, compiling prompts, calling a vision-language provider, running a batch item. A person who
 * restricted processing (Art. 18 GDPR) is refused every such endpoint with 403 before it runs, so
 * nothing is analysed and nothing is charged. A new processing endpoint only needs this annotation;
 * the restriction test finds every annotated route by itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Processing {}
