package io.promptlens.app.accounts;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings ({@code promptlens.accounts.*}).
 *
 * @param publicUrl the address links in mails start with, e.g. {@code https://promptlens.example};
 *     unset takes the address of the request (fine on a laptop; set it in production so a forged
 *     Host header cannot change the links)
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
    @DefaultValue("5") int maxFailedSignIns,
    @DefaultValue("15m") Duration signInWindow,
    @DefaultValue("2d") Duration verificationValidity,
    @DefaultValue("1h") Duration resetValidity,
    @DefaultValue("30d") Duration rememberMe) {}
