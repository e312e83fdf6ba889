package io.promptlens.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * One attribute of every rendered page's model (e.g. the header's current user), added after the
 * handler, and only when it renders a page.
 *
 * <p>An interceptor rather than a {@code @ModelAttribute} advice: an advice runs for every handler
 * of every {@code @Controller}, the JSON API's {@code @RestController}s included, and setting up
 * its model was 9 % of the CPU of an API compile that renders no page.
 */
public abstract class PageModel implements WebMvcConfigurer, HandlerInterceptor {

  private final String attribute;

  protected PageModel(String attribute) {
    this.attribute = attribute;
  }

  /** The attribute's value for this request's page; may set cookies (nothing is written yet). */
  protected abstract @Nullable Object value(
      HttpServletRequest request, HttpServletResponse response);

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView outcome) {
    if (outcome != null && renders(outcome)) {
      outcome.addObject(attribute, value(request, response));
    }
  }

  /**
   * Whether the handler renders a page: not a JSON answer (no {@code ModelAndView}), not a redirect
   * (whose model would become its query, and whose page has its own request).
   */
  static boolean renders(@Nullable ModelAndView outcome) {
    if (outcome == null) {
      return false;
    }
    @Nullable String name = outcome.getViewName();
    return name != null
        ? !name.startsWith("redirect:")
        : !(outcome.getView() instanceof RedirectView);
  }
}
