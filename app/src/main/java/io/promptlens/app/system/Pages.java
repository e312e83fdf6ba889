package io.promptlens.app.system;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** What the interceptors that fill a page's header ask of a handler's outcome. */
public final class Pages {

  private Pages() {}

  /**
   * Whether the handler renders a page: not a JSON answer (no {@code ModelAndView}), not a redirect
   * (whose model would become its query, and whose page has its own request).
   */
  public static boolean renders(@Nullable ModelAndView outcome) {
    if (outcome == null) {
      return false;
    }
    @Nullable String name = outcome.getViewName();
    return name != null
        ? !name.startsWith("redirect:")
        : !(outcome.getView() instanceof RedirectView);
  }
}
