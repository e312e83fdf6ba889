package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.system.PageModel;
import io.promptlens.app.workspaces.WorkspaceRepository.Membership;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every signed-in page knows its current workspace, for the header's switcher and links.
 *
 * <p>The current workspace is the one the request names (the {@code /workspaces/{id}} path or a
 * {@code workspace} parameter) when the person belongs to it; otherwise the one they last worked
 * in, remembered in the {@value #COOKIE} cookie; otherwise their personal workspace. The cookie is
 * a preference, not an authority: it only picks links, every page still checks membership and
 * permission itself, and an id the person no longer belongs to is ignored.
 *
 * <p>{@code workspaceHeader} in the model of every rendered page ({@link PageModel}).
 */
@Configuration(proxyBeanMethods = false)
class CurrentWorkspaceAdvice extends PageModel {

  static final String COOKIE = "promptlens-workspace";
  private static final Pattern PATH_ID = Pattern.compile("^/workspaces/([0-9a-fA-F-]{36})(/.*)?$");

  // Provided lazily: web-layer test slices load this advice without the persistence layer, and
  // then have no header to draw.
  private final ObjectProvider<WorkspaceRepository> repository;

  CurrentWorkspaceAdvice(ObjectProvider<WorkspaceRepository> repository) {
    super("workspaceHeader");
    this.repository = repository;
  }

  @Override
  protected @Nullable WorkspaceHeader value(
      HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    // Only pages draw a header: a form post is answered with a redirect to one.
    WorkspaceRepository memberships = repository.getIfAvailable();
    if (!"GET".equals(request.getMethod())
        || memberships == null
        || authentication == null
        || !(authentication.getPrincipal() instanceof AccountUser user)) {
      return null;
    }
    List<Workspace> all =
        memberships.membershipsOf(user.id()).stream().map(Membership::workspace).toList();
    if (all.isEmpty()) {
      return null;
    }
    Optional<Workspace> named = find(all, named(request));
    named.ifPresent(workspace -> remember(workspace, request, response));
    Workspace current =
        named.or(() -> find(all, remembered(request))).orElseGet(() -> personalOrFirst(all));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return new WorkspaceHeader(current, all, WorkspaceHeader.Section.of(path));
  }

  private static @Nullable UUID named(HttpServletRequest request) {
    Matcher matcher =
        PATH_ID.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    return parse(matcher.matches() ? matcher.group(1) : request.getParameter("workspace"));
  }

  private static @Nullable UUID remembered(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (COOKIE.equals(cookie.getName())) {
        return parse(cookie.getValue());
      }
    }
    return null;
  }

  private static void remember(
      Workspace workspace, HttpServletRequest request, HttpServletResponse response) {
    if (workspace.id().equals(remembered(request))) {
      return;
    }
    // Read by the home page's script too (it updates the choice when "Save to" changes), so
    // not HttpOnly; it holds nothing but an id the person can see in their address bar.
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(COOKIE, workspace.id().toString())
            .path("/")
            .sameSite("Lax")
            .secure(request.isSecure())
            .maxAge(Duration.ofDays(365))
            .build()
            .toString());
  }

  private static Optional<Workspace> find(List<Workspace> all, @Nullable UUID id) {
    return id == null ? Optional.empty() : all.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  private static Workspace personalOrFirst(List<Workspace> all) {
    return all.stream().filter(Workspace::personal).findFirst().orElse(all.get(0));
  }

  private static @Nullable UUID parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
