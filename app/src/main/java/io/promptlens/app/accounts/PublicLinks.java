package io.promptlens.app.accounts;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links for mails: {@code promptlens.accounts.public-url}, else the request's address. */
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
      base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
    return base.replaceAll("/+$", "") + path;
  }
}
