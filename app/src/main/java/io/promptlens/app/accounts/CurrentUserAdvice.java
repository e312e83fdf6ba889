package io.promptlens.app.accounts;

import io.promptlens.app.system.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page knows who is signed in (or that nobody is), for its header: {@code currentUser} is
 * added to the model of every page rendered, error pages included.
 *
 * <p>An interceptor, not a {@code @ModelAttribute} advice: an advice runs for every handler of
 * every {@code @Controller}, which includes the JSON API's {@code @RestController}s, and setting up
 * its model was about 7 % of the CPU of an API request that renders no page.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserAdvice implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView page) {
    if (page != null && Pages.renders(page)) {
      page.addObject("currentUser", currentUser());
    }
  }

  private static @Nullable AccountUser currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        ? user
        : null;
  }
}
