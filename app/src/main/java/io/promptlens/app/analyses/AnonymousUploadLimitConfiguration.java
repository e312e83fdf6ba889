package io.promptlens.app.analyses;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers {@link AnonymousUploadLimit} after Spring Security, which says who is calling. */
@Configuration(proxyBeanMethods = false)
class AnonymousUploadLimitConfiguration {

  @Bean
  FilterRegistrationBean<AnonymousUploadLimit> anonymousUploadLimit(
      JdbcClient jdbc,
      Clock clock,
      @Value("${promptlens.api.anonymous-uploads-per-minute:20}") int perMinute,
      @Value("${promptlens.billing.anonymous-per-day:10}") int perDay) {
    FilterRegistrationBean<AnonymousUploadLimit> registration =
        new FilterRegistrationBean<>(new AnonymousUploadLimit(jdbc, clock, perMinute, perDay));
    registration.addUrlPatterns("/api/v1/analyses", "/api/v1/prompts");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
    return registration;
  }
}
