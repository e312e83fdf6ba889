package io.promptlens.app.accounts;

import io.promptlens.app.system.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every page knows who is signed in (or that nobody is), for its header: {@code currentUser} in the
 * model of every rendered page, error pages included (see {@link PageModel} for why this is not a
 * {@code @ModelAttribute} advice).
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserAdvice extends PageModel {

  CurrentUserAdvice() {
    super("currentUser");
  }

  @Override
  protected @Nullable AccountUser value(HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        ? user
        : null;
  }
}
