package io.promptlens.app.privacy;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ua_parser.Parser;

/**
 * The client of the current request, as a connection log keeps it: the address Tomcat resolved
 * (X-Forwarded-For is honoured only from the configured internal proxies, by the RemoteIpValve;
 * never parsed here) and the browser family from ua-parser's maintained expressions ("Chrome",
 * "Firefox", "curl", "Other"). The raw User-Agent is never stored.
 */
@Component
class ClientInfo {

  record Client(@Nullable String address, @Nullable String browser) {
    static final Client NONE = new Client(null, null);
  }

  /** Long or hostile User-Agent headers are cut before parsing: the regexes need no more. */
  private static final int MAX_AGENT = 512;

  private final Parser parser = new Parser();

  Client current() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return Client.NONE;
    }
    HttpServletRequest request = attrs.getRequest();
    return new Client(request.getRemoteAddr(), browser(request.getHeader("User-Agent")));
  }

  @Nullable String browser(@Nullable String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String agent = userAgent.length() > MAX_AGENT ? userAgent.substring(0, MAX_AGENT) : userAgent;
    String family = parser.parseUserAgent(agent).family;
    return family == null ? "Other" : family.length() > 64 ? family.substring(0, 64) : family;
  }
}
