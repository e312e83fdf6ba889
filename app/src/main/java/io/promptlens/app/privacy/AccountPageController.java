package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.system.MessagePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account page: the same rights as {@link PrivacyApiController}, as forms. Post, then redirect
 * with what happened in the query string.
 */
@Controller
record AccountPageController(
    PrivacyAccounts accounts,
    ConnectionLog connectionLog,
    Choices choices,
    Rectification rectification,
    Erasure erasure,
    Exports exports) {

  @GetMapping("/account")
  String account(@AuthenticationPrincipal AccountUser user, Model model) {
    PrivacyAccounts.State state = accounts.find(user.id()).orElseThrow();
    model.addAttribute("account", state);
    model.addAttribute("log", connectionLog.of(user.id(), 100));
    model.addAttribute("ownedTeams", erasure.ownedTeams(user.id()));
    return "privacy/account";
  }

  @PostMapping("/account/profile")
  String rename(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "") String firstName,
      @RequestParam(defaultValue = "") String lastName) {
    return attempt(() -> rectification.rename(user.id(), firstName, lastName), "profile-saved");
  }

  @PostMapping("/account/email")
  String changeEmail(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password) {
    return attempt(
        () -> rectification.requestEmailChange(user.id(), email, password), "email-link-sent");
  }

  @PostMapping("/account/objections")
  String object(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "false") boolean productEmailOptOut,
      @RequestParam(defaultValue = "false") boolean analyticsOptOut) {
    choices.object(user.id(), productEmailOptOut, analyticsOptOut);
    return "redirect:/account?objections-saved";
  }

  @PostMapping("/account/restriction")
  String restrict(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "false") boolean restricted) {
    choices.restrict(user.id(), restricted);
    return "redirect:/account?" + (restricted ? "restricted" : "restriction-lifted");
  }

  @PostMapping("/account/export")
  String exportByMail(@AuthenticationPrincipal AccountUser user) {
    exports.deliver(user.id(), true);
    return "redirect:/account?export-mailed";
  }

  @GetMapping("/account/exports/{token}")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal AccountUser user, @PathVariable String token) {
    return exports
        .download(user.id(), token)
        .map(PrivacyApiController::zip)
        .orElseThrow(
            () ->
                PrivacyProblem.of(
                    HttpStatus.NOT_FOUND,
                    "This export link is wrong, used or expired. Ask for a new export."));
  }

  /** Signs the person out here too: their sessions were just deleted everywhere. */
  @PostMapping("/account/delete")
  String delete(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "") String password,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (password.isEmpty() || !erasure.passwordMatches(user.id(), password)) {
      return "redirect:/account?wrong-password";
    }
    if (!erasure.ownedTeams(user.id()).isEmpty()) {
      return "redirect:/account?owns-teams";
    }
    Instant due = erasure.request(user.id());
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    return MessagePage.show(
        model,
        "Your account will be deleted",
        "You are signed out everywhere and your API keys are revoked. Your account and its data"
            + " are deleted on "
            + due.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            + " (UTC). Changed your mind? Sign in before then and nothing is deleted.",
        "/",
        "Home");
  }

  @GetMapping("/confirm-email")
  String confirmEmail(@RequestParam(defaultValue = "") String token, Model model) {
    if (!token.isEmpty() && rectification.confirmEmailChange(token)) {
      return MessagePage.show(
          model,
          "Email changed",
          "Your account now uses this address. Sign in with it from now on.",
          "/account",
          "Your account");
    }
    return MessagePage.show(
        model,
        "This link does not work",
        "It is wrong, used or expired, or the address is taken. Ask for the change again.",
        "/account",
        "Your account");
  }

  /** Runs a change; a refusal comes back to the page as {@code ?error=...}. */
  private static String attempt(Runnable change, String done) {
    try {
      change.run();
      return "redirect:/account?" + done;
    } catch (ErrorResponseException refused) {
      @Nullable String detail = refused.getBody().getDetail();
      return "redirect:/account?error="
          + java.net.URLEncoder.encode(
              detail == null ? "Not saved." : detail, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
