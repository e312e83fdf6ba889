package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountTokens;
import io.promptlens.app.accounts.PublicLinks;
import io.promptlens.app.system.Mailer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers an export: small ones in the answer, large ones (or when asked) built in the background,
 * stored once and mailed as a one-time link that works only for the person it is for. Every export
 * is written to the person's connection log.
 */
@Service
class Exports {

  private static final Logger log = LoggerFactory.getLogger(Exports.class);

  /** Either the archive now, or the promise of a mail. */
  record Delivery(byte[] archive, boolean mailed) {}

  private final DataExport export;
  private final PrivacyAccounts accounts;
  private final PrivacyProperties properties;
  private final ConnectionLog connectionLog;
  private final PublicLinks links;
  private final Mailer mailer;
  private final JdbcClient jdbc;
  private final Executor background;
  private final Clock clock;

  Exports(
      DataExport export,
      PrivacyAccounts accounts,
      PrivacyProperties properties,
      ConnectionLog connectionLog,
      PublicLinks links,
      Mailer mailer,
      JdbcClient jdbc,
      @Qualifier("applicationTaskExecutor") Executor background,
      Clock clock) {
    this.export = export;
    this.accounts = accounts;
    this.properties = properties;
    this.connectionLog = connectionLog;
    this.links = links;
    this.mailer = mailer;
    this.jdbc = jdbc;
    this.background = background;
    this.clock = clock;
  }

  Delivery deliver(UUID userId, boolean byMail) {
    PrivacyAccounts.State person = accounts.find(userId).orElseThrow();
    if (!byMail && export.count(userId, person.email()) <= properties.exportInlineRows()) {
      byte[] archive = export.zip(export.collect(userId, person.email()));
      connectionLog.record(userId, "export", "downloaded");
      return new Delivery(archive, false);
    }
    String token = AccountTokens.newToken();
    String link = links.to("/account/exports/" + token);
    connectionLog.record(userId, "export", "built in the background, link mailed");
    background.execute(() -> buildAndMail(person, token, link));
    return new Delivery(new byte[0], true);
  }

  private void buildAndMail(PrivacyAccounts.State person, String token, String link) {
    try {
      byte[] archive = export.zip(export.collect(person.id(), person.email()));
      Instant now = now();
      jdbc.sql(
              """
              INSERT INTO export_downloads (token_hash, user_id, archive, expires_at, created_at)
              VALUES (:hash, :user, :archive, :expires, :now)
              """)
          .param("hash", AccountTokens.hash(token))
          .param("user", person.id())
          .param("archive", archive)
          .param("expires", ConnectionLog.at(now.plus(properties.exportLinkValidity())))
          .param("now", ConnectionLog.at(now))
          .update();
      mailer.send(
          person.email(),
          "Your PromptLens data export is ready",
          "Hello "
              + person.firstName()
              + ",\n\nYour data export is ready. Download it here (signed in, once, within "
              + properties.exportLinkValidity().toDays()
              + " days):\n"
              + link
              + "\n\nIf you did not ask for it, change your password.");
    } catch (RuntimeException e) {
      log.error("Background export for account {} failed", person.id(), e);
    }
  }

  /** The archive behind a mailed link, once, and only for the person it was made for. */
  @Transactional
  Optional<byte[]> download(UUID userId, String token) {
    String hash = AccountTokens.hash(token);
    Optional<byte[]> archive =
        jdbc.sql(
                "SELECT archive FROM export_downloads WHERE token_hash = :hash AND user_id = :user"
                    + " AND expires_at > :now")
            .param("hash", hash)
            .param("user", userId)
            .param("now", ConnectionLog.at(now()))
            .query((row, n) -> row.getBytes("archive"))
            .optional();
    if (archive.isPresent()) {
      int deleted =
          jdbc.sql("DELETE FROM export_downloads WHERE token_hash = :hash AND user_id = :user")
              .param("hash", hash)
              .param("user", userId)
              .update();
      if (deleted == 0) {
        return Optional.empty();
      }
      connectionLog.record(userId, "export", "downloaded through the mailed link");
    }
    return archive;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
