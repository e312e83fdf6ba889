package io.promptlens.app.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (or that nobody is), for its header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

  @ModelAttribute("currentUser")
  @Nullable AccountUser currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        ? user
        : null;
  }
}
