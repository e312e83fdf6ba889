package io.promptlens.app.accounts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings ({@code promptlens.accounts.*}).
 *
 * @param publicUrl the address links in mails start with, e.g. {@code https://promptlens.example};
 *     unset, links use the request's address only when its host is in {@code linkHosts}, else
 *     {@code http://localhost:<the port the request came in on>}: a forged Host header never
 *     reaches a mail (set it in production)
 * @param linkHosts hosts a request may name to shape mail links when {@code publicUrl} is unset
 *     (default localhost, 127.0.0.1 and [::1])
 * @param maxFailedSignIns failed sign-ins per email within {@code signInWindow} before further
 *     attempts are refused (default 5)
 * @param signInWindow how far back failures count (default 15 minutes)
 * @param verificationValidity how long an email verification link works (default 2 days)
 * @param resetValidity how long a password reset link works (default 1 hour)
 * @param rememberMe how long "remember me" keeps a browser signed in (default 30 days)
 */
@ConfigurationProperties("promptlens.accounts")
record AccountProperties(
    @Nullable String publicUrl,
    @DefaultValue({"localhost", "127.0.0.1", "[::1]", "::1"}) java.util.List<String> linkHosts,
    @DefaultValue("5") int maxFailedSignIns,
    @DefaultValue("15m") Duration signInWindow,
    @DefaultValue("2d") Duration verificationValidity,
    @DefaultValue("1h") Duration resetValidity,
    @DefaultValue("30d") Duration rememberMe) {}
