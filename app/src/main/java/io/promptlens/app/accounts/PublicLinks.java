package io.promptlens.app.accounts;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Absolute links for mails: {@code promptlens.accounts.public-url}; without it, the request's
 * address only when its host is on the {@code link-hosts} allow-list. The Host header is the
 * caller's to write, and a reset link built from it sends the reset token to the caller's server.
 */
@Component
public class PublicLinks {

  private final AccountProperties properties;

  PublicLinks(AccountProperties properties) {
    this.properties = properties;
  }

  /**
   * @param path starting with {@code /}, query included
   */
  public String to(String path) {
    String base = properties.publicUrl();
    if (base == null || base.isBlank()) {
      UriComponents request = ServletUriComponentsBuilder.fromCurrentContextPath().build();
      boolean allowed =
          properties.linkHosts().stream().anyMatch(h -> h.equalsIgnoreCase(request.getHost()));
      base =
          allowed
              ? request.toUriString()
              : ServletUriComponentsBuilder.fromCurrentContextPath()
                  .host("localhost")
                  .port(localPort())
                  .build()
                  .toUriString();
    }
    return base.replaceAll("/+$", "") + path;
  }

  /** The port the server accepted this request on, whatever the Host header says. */
  private static int localPort() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest()
        .getLocalPort();
  }
}
