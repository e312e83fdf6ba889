package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's privacy rights through the API, under {@code /api/v1/me}: export, erasure,
 * restriction, objection, rectification and their connection log. People only: an API key gets 403,
 * since none of this is a workspace's to do.
 */
@RestController
@RequestMapping("/api/v1/me")
record PrivacyApiController(
    Exports exports,
    Erasure erasure,
    Choices choices,
    Rectification rectification,
    PrivacyAccounts accounts,
    ConnectionLog connectionLog) {

  record PrivacyState(
      boolean restricted,
      boolean productEmailOptOut,
      boolean analyticsOptOut,
      @Nullable Instant erasureDueAt) {}

  record Restriction(@Nullable Boolean restricted) {}

  record Objections(@Nullable Boolean productEmailOptOut, @Nullable Boolean analyticsOptOut) {}

  record Profile(@Nullable String firstName, @Nullable String lastName) {}

  record EmailChange(@Nullable String email, @Nullable String password) {}

  record ErasureRequest(@Nullable String password) {}

  /** The ZIP now, or 202 when it is built in the background and mailed ({@code delivery=mail}). */
  @GetMapping("/export")
  ResponseEntity<?> export(
      @AuthenticationPrincipal @Nullable AccountUser user,
      @RequestParam(required = false) @Nullable String delivery) {
    Exports.Delivery result = exports.deliver(person(user).id(), "mail".equals(delivery));
    if (result.mailed()) {
      return ResponseEntity.accepted()
          .body(
              Map.of("delivery", "mail", "detail", "The export is being built; a link is mailed."));
    }
    return zip(result.archive());
  }

  /** Erasure after the grace period; 409 lists the team workspaces to transfer first. */
  @DeleteMapping
  ResponseEntity<Map<String, Object>> erase(
      @AuthenticationPrincipal @Nullable AccountUser user,
      @RequestBody(required = false) @Nullable ErasureRequest request) {
    AccountUser person = person(user);
    String password = request == null ? null : request.password();
    if (password == null || password.isEmpty()) {
      throw PrivacyProblem.of(
          HttpStatus.BAD_REQUEST,
          "Send your password ({\"password\": \"...\"}) to delete the account.");
    }
    if (!erasure.passwordMatches(person.id(), password)) {
      throw PrivacyProblem.of(HttpStatus.FORBIDDEN, "The password is wrong.");
    }
    List<Erasure.OwnedTeam> teams = erasure.ownedTeams(person.id());
    if (!teams.isEmpty()) {
      throw PrivacyProblem.of(
          HttpStatus.CONFLICT,
          "You own team workspaces: transfer each to another member first"
              + " (POST /api/v1/workspaces/{id}/transfer).",
          Map.of("workspaces", teams));
    }
    Instant due = erasure.request(person.id());
    return ResponseEntity.accepted()
        .body(
            Map.of(
                "erasureDueAt",
                due.toString(),
                "detail",
                "Signed out everywhere and API keys revoked. The account and its data are deleted"
                    + " then; sign in before to cancel."));
  }

  @GetMapping("/privacy")
  PrivacyState state(@AuthenticationPrincipal @Nullable AccountUser user) {
    PrivacyAccounts.State state = accounts.find(person(user).id()).orElseThrow();
    return new PrivacyState(
        state.restricted(),
        state.productEmailOptOut(),
        state.analyticsOptOut(),
        state.erasureDueAt());
  }

  @PutMapping("/restriction")
  PrivacyState restrict(
      @AuthenticationPrincipal @Nullable AccountUser user, @RequestBody Restriction restriction) {
    if (restriction.restricted() == null) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Send {\"restricted\": true} or false.");
    }
    choices.restrict(person(user).id(), restriction.restricted());
    return state(user);
  }

  @PutMapping("/objections")
  PrivacyState object(
      @AuthenticationPrincipal @Nullable AccountUser user, @RequestBody Objections objections) {
    PrivacyAccounts.State now = accounts.find(person(user).id()).orElseThrow();
    choices.object(
        now.id(),
        objections.productEmailOptOut() == null
            ? now.productEmailOptOut()
            : objections.productEmailOptOut(),
        objections.analyticsOptOut() == null
            ? now.analyticsOptOut()
            : objections.analyticsOptOut());
    return state(user);
  }

  @PutMapping("/profile")
  Map<String, String> rename(
      @AuthenticationPrincipal @Nullable AccountUser user, @RequestBody Profile profile) {
    rectification.rename(person(user).id(), profile.firstName(), profile.lastName());
    PrivacyAccounts.State state = accounts.find(person(user).id()).orElseThrow();
    return Map.of("firstName", state.firstName(), "lastName", state.lastName());
  }

  /** 202 whatever the address: the link goes to it, and only following it changes anything. */
  @PostMapping("/email")
  ResponseEntity<Map<String, String>> changeEmail(
      @AuthenticationPrincipal @Nullable AccountUser user, @RequestBody EmailChange change) {
    rectification.requestEmailChange(person(user).id(), change.email(), change.password());
    return ResponseEntity.accepted()
        .body(Map.of("detail", "A link to confirm the change was mailed to the new address."));
  }

  @GetMapping("/connection-logs")
  List<ConnectionLog.Entry> connectionLog(@AuthenticationPrincipal @Nullable AccountUser user) {
    return connectionLog.of(person(user).id(), 500);
  }

  static ResponseEntity<byte[]> zip(byte[] archive) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("promptlens-export.zip").build().toString())
        .header("Cache-Control", "no-store")
        .body(archive);
  }

  static AccountUser person(@Nullable AccountUser user) {
    if (user == null) {
      throw PrivacyProblem.keysHaveNoAccount();
    }
    return user;
  }
}
