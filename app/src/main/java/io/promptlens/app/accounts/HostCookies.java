package io.promptlens.app.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Names of the credential cookies (session, remember-me, CSRF) for one request.
 *
 * <p>Over https (directly, or through a trusted proxy that says so) every credential cookie is
 * named with the {@code __Host-} prefix, which browsers accept only when it is {@code Secure}, has
 * {@code Path=/} and no {@code Domain}: neither a sibling subdomain nor a plain-http page on the
 * same host can plant or overwrite it. A request reads only the name that belongs to its own
 * scheme, so a planted plain-named cookie is never read over https. Over plain http (a local run)
 * the prefix cannot be used, because the cookie could not be {@code Secure}; the plain name is.
 *
 * <p>The "page to return to" cookie of Spring's {@code CookieRequestCache} keeps its fixed name: it
 * carries no authority, and its value is only a path on this site.
 */
final class HostCookies {

  static final String PREFIX = "__Host-";
  static final String SESSION = "SESSION";
  static final String REMEMBER_ME = "remember-me";
  static final String CSRF = "XSRF-TOKEN";

  private HostCookies() {}

  static String name(HttpServletRequest request, String base) {
    return request.isSecure() ? PREFIX + base : base;
  }

  /** Both spellings of each credential cookie, for clearing on sign-out. */
  static String[] allNames() {
    return new String[] {
      SESSION, PREFIX + SESSION, REMEMBER_ME, PREFIX + REMEMBER_ME, CSRF, PREFIX + CSRF
    };
  }

  /** Whether the request carries a session or remember-me cookie under either spelling. */
  static boolean carriesBrowserCredential(HttpServletRequest request) {
    List<String> credentials =
        List.of(SESSION, PREFIX + SESSION, REMEMBER_ME, PREFIX + REMEMBER_ME);
    Cookie[] cookies = request.getCookies();
    return cookies != null
        && Arrays.stream(cookies).anyMatch(c -> credentials.contains(c.getName()));
  }

  /** The value of the request's cookie with this base name, spelt for its scheme; null if none. */
  static @Nullable String value(HttpServletRequest request, String base) {
    String name = name(request, base);
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    return Arrays.stream(cookies)
        .filter(c -> name.equals(c.getName()))
        .map(Cookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Writes a credential cookie (or clears it with maxAge 0) under the request's spelling. */
  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      String base,
      String value,
      int maxAgeSeconds) {
    Cookie cookie = new Cookie(name(request, base), value);
    cookie.setPath("/");
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setSecure(request.isSecure());
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** Spring Session's cookie, spelt per request. */
  static CookieSerializer sessionCookies() {
    DefaultCookieSerializer plain = new DefaultCookieSerializer();
    plain.setCookieName(SESSION);
    plain.setCookiePath("/");
    plain.setSameSite("Lax");
    plain.setUseHttpOnlyCookie(true);
    DefaultCookieSerializer host = new DefaultCookieSerializer();
    host.setCookieName(PREFIX + SESSION);
    host.setCookiePath("/");
    host.setSameSite("Lax");
    host.setUseHttpOnlyCookie(true);
    host.setUseSecureCookie(true);
    return new CookieSerializer() {
      @Override
      public void writeCookieValue(CookieValue cookieValue) {
        (cookieValue.getRequest().isSecure() ? host : plain).writeCookieValue(cookieValue);
      }

      @Override
      public List<String> readCookieValues(HttpServletRequest request) {
        return (request.isSecure() ? host : plain).readCookieValues(request);
      }
    };
  }

  /** The CSRF token cookie, spelt per request. */
  static CsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository plain = new CookieCsrfTokenRepository();
    plain.setCookiePath("/");
    CookieCsrfTokenRepository host = new CookieCsrfTokenRepository();
    host.setCookieName(PREFIX + CSRF);
    host.setCookiePath("/");
    host.setCookieCustomizer(cookie -> cookie.secure(true));
    return new CsrfTokenRepository() {
      private CsrfTokenRepository of(HttpServletRequest request) {
        return request.isSecure() ? host : plain;
      }

      @Override
      public CsrfToken generateToken(HttpServletRequest request) {
        return of(request).generateToken(request);
      }

      @Override
      public void saveToken(
          @Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        of(request).saveToken(token, request, response);
      }

      @Override
      public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return of(request).loadToken(request);
      }

      @Override
      public DeferredCsrfToken loadDeferredToken(
          HttpServletRequest request, HttpServletResponse response) {
        return of(request).loadDeferredToken(request, response);
      }
    };
  }
}
