package io.promptlens.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page (a workspace that is not yours, a permission your role lacks) answered to a
 * browser: the same status as the API's problem+json, as the app's error page with the problem's
 * one-line detail, instead of raw JSON in the browser window. Only for page controllers (a view
 * name, no {@code @ResponseBody}) and only when the request accepts HTML; every other error goes on
 * to {@code ApiExceptionHandler} unchanged.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception exception) {
    if (!(exception instanceof ErrorResponse problem)
        || !(handler instanceof HandlerMethod method)
        || !isPage(method)
        || !acceptsHtml(request)) {
      return null;
    }
    int status = problem.getStatusCode().value();
    response.setStatus(status);
    String detail = problem.getBody().getDetail();
    return new ModelAndView(
        "error", Map.of("status", status, "detail", detail == null ? "" : detail));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  private static boolean isPage(HandlerMethod method) {
    return method.getReturnType().getParameterType() == String.class
        && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
        && !method.hasMethodAnnotation(ResponseBody.class);
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
