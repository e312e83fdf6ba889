package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.ApiKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The right to restriction, enforced in one place: before any {@link Processing} endpoint runs, a
 * person who restricted processing (or an API key they created) is refused with 403, so nothing is
 * analysed, no provider is called and nothing is charged. Anonymous callers have no account to
 * restrict.
 */
@Configuration(proxyBeanMethods = false)
class RestrictionGate implements WebMvcConfigurer, HandlerInterceptor {

  /**
   * Looked up at each request: web-layer test slices load every {@code WebMvcConfigurer} but no
   * repository, and there is nobody to restrict in them. The app itself always has it.
   */
  private final ObjectProvider<PrivacyAccounts> accounts;

  RestrictionGate(ObjectProvider<PrivacyAccounts> accounts) {
    this.accounts = accounts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Processing.class)) {
      UUID person = person(SecurityContextHolder.getContext().getAuthentication());
      // Resolved only when there is somebody to restrict: resolving the provider is a bean
      // factory search, a measurable share of an anonymous request's CPU.
      PrivacyAccounts store = person == null ? null : accounts.getIfAvailable();
      if (person != null && store != null && store.isRestricted(person)) {
        throw PrivacyProblem.of(
            HttpStatus.FORBIDDEN, PrivacyProblem.RESTRICTED, Map.of("restricted", true));
      }
    }
    return true;
  }

  private static @Nullable UUID person(@Nullable Authentication authentication) {
    Object principal = authentication == null ? null : authentication.getPrincipal();
    if (principal instanceof AccountUser user) {
      return user.id();
    }
    if (principal instanceof ApiKey key) {
      return key.createdBy();
    }
    return null;
  }
}
