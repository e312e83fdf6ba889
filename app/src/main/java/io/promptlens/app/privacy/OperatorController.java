package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /privacy/requests}: the operators' view of rights exercised by mail. Operators are named
 * by email in {@code promptlens.privacy.operators}, a role above every workspace role; anyone else
 * gets 403.
 */
@Controller
record OperatorController(
    PrivacyRequests requests, PrivacyAccounts accounts, PrivacyProperties properties) {

  @GetMapping("/privacy/requests")
  String list(@AuthenticationPrincipal AccountUser user, Model model) {
    requireOperator(user);
    model.addAttribute("requests", requests.all());
    model.addAttribute("kinds", PrivacyRequests.KINDS.stream().sorted().toList());
    return "privacy/requests";
  }

  @PostMapping("/privacy/requests")
  String record(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) @Nullable String note) {
    requireOperator(user);
    requests.record(email, kind, note);
    return "redirect:/privacy/requests?recorded";
  }

  @PostMapping("/privacy/requests/{id}")
  String setStatus(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String status) {
    requireOperator(user);
    if (!requests.setStatus(id, status)) {
      throw PrivacyProblem.of(HttpStatus.NOT_FOUND, "No privacy request " + id + ".");
    }
    return "redirect:/privacy/requests?updated";
  }

  /** The email is read fresh: a changed or erased account stops being an operator at once. */
  private void requireOperator(AccountUser user) {
    boolean operator =
        accounts.find(user.id()).map(state -> properties.isOperator(state.email())).orElse(false);
    if (!operator) {
      throw new ErrorResponseException(
          HttpStatus.FORBIDDEN,
          org.springframework.http.ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN, "Only privacy operators see requests received by mail."),
          null);
    }
  }
}
