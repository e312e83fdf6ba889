package io.promptlens.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;

/**
 * Who may call what. Pages use form sign-in with CSRF tokens and a database-backed session (Spring
 * Session JDBC) plus persistent remember-me tokens; the session id changes on sign-in (fixation
 * protection). The JSON API answers 401/403 as problem+json instead of redirecting, and requires
 * the CSRF header whenever the request carries a browser credential (session or remember-me
 * cookie); a request with no cookie has no ambient authority to abuse and stays as the anonymous
 * "try it" API always was.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  RememberMeServices rememberMeServices(
      UserDetailsService users, DataSource dataSource, AccountProperties properties) {
    JdbcTokenRepositoryImpl tokens =
        new JdbcTokenRepositoryImpl() {
          /**
           * Spring's version logs and swallows every database failure and answers "no such token",
           * so during an outage a remember-me cookie was cancelled as if unknown and its owner
           * signed out. Here only a missing series is null; a lost database propagates and is
           * answered 503 (DatabaseUnavailableFilter), and the cookie still works afterwards.
           */
          @Override
          public @Nullable PersistentRememberMeToken getTokenForSeries(String seriesId) {
            try {
              // Set by setDataSource below, before the repository is handed to anyone.
              return Objects.requireNonNull(getJdbcTemplate())
                  .queryForObject(
                      DEF_TOKEN_BY_SERIES_SQL,
                      (row, number) ->
                          new PersistentRememberMeToken(
                              row.getString(1),
                              row.getString(2),
                              row.getString(3),
                              row.getTimestamp(4)),
                      seriesId);
            } catch (EmptyResultDataAccessException unknown) {
              return null;
            }
          }
        };
    tokens.setDataSource(dataSource);
    // The key only signs the in-request token; the series and token live in the database, so a
    // random key per instance is fine.
    PersistentTokenBasedRememberMeServices services =
        new PersistentTokenBasedRememberMeServices(AccountTokens.newToken(), users, tokens) {
          /**
           * A replayed old cookie is what theft looks like: the token series is already deleted
           * (Spring signs the user out everywhere) and the cookie cancelled; the request goes on
           * signed out instead of failing with 500.
           */
          @Override
          public @Nullable Authentication autoLogin(
              HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            try {
              return super.autoLogin(request, response);
            } catch (CookieTheftException replayed) {
              return null;
            }
          }

          // The cookie is spelt per request (HostCookies): __Host-remember-me over https.
          @Override
          protected @Nullable String extractRememberMeCookie(HttpServletRequest request) {
            return HostCookies.value(request, HostCookies.REMEMBER_ME);
          }

          @Override
          protected void setCookie(
              String[] tokens,
              int maxAge,
              HttpServletRequest request,
              jakarta.servlet.http.HttpServletResponse response) {
            HostCookies.write(
                request, response, HostCookies.REMEMBER_ME, encodeCookie(tokens), maxAge);
          }

          @Override
          protected void cancelCookie(
              HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            HostCookies.write(request, response, HostCookies.REMEMBER_ME, "", 0);
          }

          @Override
          protected Authentication createSuccessfulAuthentication(
              HttpServletRequest request, UserDetails user) {
            AccountUser account = ((AccountUser) user).withoutPassword();
            RememberMeAuthenticationToken token =
                new RememberMeAuthenticationToken(getKey(), account, account.getAuthorities());
            token.setDetails(getAuthenticationDetailsSource().buildDetails(request));
            return token;
          }
        };
    services.setParameter("remember-me");
    services.setTokenValiditySeconds((int) properties.rememberMe().toSeconds());
    return services;
  }

  /**
   * No observation around each filter of the chain. Switching Spring Security's observations off by
   * property only makes them no-ops: the chain is still decorated, each of its 16 filters wrapped,
   * on every request. Request latency stays measured ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Spring Session's cookie: SESSION over http, __Host-SESSION over https (HostCookies). */
  @Bean
  CookieSerializer sessionCookies() {
    return HostCookies.sessionCookies();
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      Users users,
      PasswordEncoder encoder,
      SignInThrottle throttle,
      RememberMeServices rememberMe,
      ProblemResponses problems,
      List<ApiCredentials> apiCredentials,
      ApplicationEventPublisher events)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    RequestMatcher api = path.matcher("/api/**");
    // The one authentication manager of the form sign-in, with no parent: Spring's global manager
    // (built from the UserDetailsService bean, which also takes user ids for remember-me) would
    // otherwise get a second try at every failed sign-in, unthrottled and by user id.
    ProviderManager manager =
        new ProviderManager(
            new AccountAuthenticationProvider(users, encoder, throttle),
            new RememberMeAuthenticationProvider(
                ((AbstractRememberMeServices) rememberMe).getKey()));
    // Sign-ins and failed sign-ins become events (a hand-made manager publishes none), which the
    // privacy feature writes to each person's connection log.
    manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
    http.authenticationManager(manager)
        .addFilterBefore(
            new ApiCredentialsFilter(apiCredentials, problems),
            UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/",
                        "/css/**",
                        "/js/**",
                        "/favicon*.svg",
                        "/error",
                        "/sign-up",
                        "/sign-in",
                        "/check-email",
                        "/verify",
                        "/forgot-password",
                        "/reset-password",
                        "/invitations/*",
                        "/privacy",
                        "/confirm-email",
                        "/api/docs",
                        "/api/docs.yaml",
                        "/api/docs/**",
                        "/swagger-ui/**",
                        // served only on the management port (loopback by default)
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/targets", "/api/v1/analyses/*")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/generations/*")
                    .permitAll()
                    // The home page's result (generations/WorkbenchPageController), the anonymous
                    // flow's page twin of POST /api/v1/prompts.
                    .requestMatchers(
                        HttpMethod.POST, "/api/v1/analyses", "/api/v1/prompts", "/workbench")
                    .permitAll()
                    // Polar's webhook: no session, authenticated by its signature
                    // (billing/PolarWebhookController checks it before reading anything).
                    .requestMatchers(HttpMethod.POST, "/api/v1/billing/polar/webhook")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/sign-in")
                    .loginProcessingUrl("/sign-in")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, failure) -> {
                          String reason =
                              failure instanceof LockedException
                                  ? "throttled"
                                  : failure instanceof DisabledException ? "unverified" : "error";
                          response.sendRedirect(request.getContextPath() + "/sign-in?" + reason);
                        })
                    .permitAll())
        .rememberMe(remember -> remember.rememberMeServices(rememberMe))
        .logout(
            logout ->
                logout
                    .logoutUrl("/sign-out")
                    .logoutSuccessUrl("/sign-in?signed-out")
                    .deleteCookies(
                        HostCookies.SESSION,
                        HostCookies.PREFIX + HostCookies.SESSION,
                        HostCookies.REMEMBER_ME,
                        HostCookies.PREFIX + HostCookies.REMEMBER_ME))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        // The page to return to after sign-in rides in a short-lived cookie, not in a session:
        // with a session, every anonymous request to a protected URL wrote a session row.
        .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(HostCookies.csrfTokens())
                    .requireCsrfProtectionMatcher(
                        request ->
                            !SAFE_METHODS.contains(request.getMethod())
                                && (!api.matches(request) || carriesBrowserCredential(request))))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(problems::unauthenticated, api)
                    // Pages always send a signed-out visitor to the sign-in page, whatever Accept.
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/sign-in"),
                        request -> !api.matches(request))
                    .defaultAccessDeniedHandlerFor(problems::forbidden, api));
    return http.build();
  }

  static boolean carriesBrowserCredential(HttpServletRequest request) {
    return HostCookies.carriesBrowserCredential(request);
  }
}
