package io.promptlens.app.accounts;

import io.promptlens.app.system.MessagePage;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up, sign-in, email verification and password reset pages. Post, then redirect. */
@Controller
record AccountPagesController(AccountService accounts) {

  @GetMapping("/sign-up")
  String signUpPage(Model model) {
    model.addAttribute("form", SignUpForm.empty());
    model.addAttribute("errors", Map.of());
    return "accounts/sign-up";
  }

  @PostMapping("/sign-up")
  String signUp(
      @ModelAttribute SignUpForm form,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute(
          "form", new SignUpForm(form.firstName(), form.lastName(), form.email(), ""));
      model.addAttribute("errors", errors);
      return "accounts/sign-up";
    }
    accounts.signUp(form);
    return "redirect:/check-email";
  }

  @GetMapping("/check-email")
  String checkEmail(Model model) {
    return MessagePage.show(
        model,
        "Check your email",
        "If the address can receive mail, a message is on its way with what to do next.",
        "/sign-in",
        "Go to sign-in");
  }

  @GetMapping("/verify")
  String verify(@RequestParam(required = false) @Nullable String token, Model model) {
    if (token != null && accounts.verify(token)) {
      return MessagePage.show(
          model,
          "Email verified",
          "Your email is confirmed. Sign in to start.",
          "/sign-in",
          "Sign in");
    }
    return MessagePage.show(
        model,
        "This link does not work",
        "It is wrong, used or expired. Sign up again with the same email to get a new one.",
        "/sign-up",
        "Sign up");
  }

  @GetMapping("/sign-in")
  String signIn() {
    return "accounts/sign-in";
  }

  @GetMapping("/forgot-password")
  String forgotPage() {
    return "accounts/forgot-password";
  }

  @PostMapping("/forgot-password")
  String forgot(@RequestParam(defaultValue = "") String email) {
    if (!email.isBlank()) {
      accounts.requestReset(email);
    }
    return "redirect:/check-email";
  }

  @GetMapping("/reset-password")
  String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
    if (!accounts.isResetTokenValid(token)) {
      return invalidReset(model);
    }
    model.addAttribute("token", token);
    return "accounts/reset-password";
  }

  @PostMapping("/reset-password")
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect) {
    var problem = SignUpForm.passwordErrors(password);
    if (problem.isPresent()) {
      model.addAttribute("token", token);
      model.addAttribute("error", problem.get());
      return "accounts/reset-password";
    }
    if (!accounts.resetPassword(token, password)) {
      return invalidReset(model);
    }
    return "redirect:/sign-in?reset";
  }

  private String invalidReset(Model model) {
    return MessagePage.show(
        model,
        "This link does not work",
        "It is wrong, used or expired. Ask for a new one.",
        "/forgot-password",
        "Reset password");
  }
}
