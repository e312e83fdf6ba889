package io.promptlens.app.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the features' {@code @Scheduled} housekeeping (pruning rows that only matter for a
 * while). Every job is a plain DELETE of expired rows, safe to run on several instances at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
